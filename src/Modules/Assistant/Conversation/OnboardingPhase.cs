namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>The onboarding phases in order (spec Ticket 1.3). Wire names are snake_case.</summary>
internal enum OnboardingPhase
{
    Discovery,
    SocialConnect,
    ContentImport,
    ProfileSetup,
    Pricing,
    Launch,
    NextSteps,
    Complete,
}

internal static class OnboardingPhases
{
    public static readonly IReadOnlyList<OnboardingPhase> InOrder =
    [
        OnboardingPhase.Discovery, OnboardingPhase.SocialConnect, OnboardingPhase.ContentImport, OnboardingPhase.ProfileSetup,
        OnboardingPhase.Pricing, OnboardingPhase.Launch, OnboardingPhase.NextSteps, OnboardingPhase.Complete,
    ];

    public static string WireName(this OnboardingPhase phase) => phase switch
    {
        OnboardingPhase.Discovery => "discovery",
        OnboardingPhase.SocialConnect => "social_connect",
        OnboardingPhase.ContentImport => "content_import",
        OnboardingPhase.ProfileSetup => "profile_setup",
        OnboardingPhase.Pricing => "pricing",
        OnboardingPhase.Launch => "launch",
        OnboardingPhase.NextSteps => "next_steps",
        _ => "complete",
    };

    public static OnboardingPhase? FromWireName(string? name) =>
        InOrder.Cast<OnboardingPhase?>().FirstOrDefault(p => p!.Value.WireName() == name);
}
