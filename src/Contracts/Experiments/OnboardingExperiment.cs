namespace CreatorOS.Contracts.Experiments;

/// <summary>The onboarding A/B test of the Avery spec (Ticket 6.1): its key and variants.</summary>
public static class OnboardingExperiment
{
    public const string Key = "onboarding_v1";

    /// <summary>The plain dashboard.</summary>
    public const string Control = "control";

    /// <summary>The static five-item scorecard widget on the dashboard.</summary>
    public const string Scorecard = "scorecard";

    /// <summary>Avery full-screen.</summary>
    public const string Avery = "avery";

    /// <summary>Where a new coach starts: assigns the variant and sends the coach to it.</summary>
    public const string EntryPath = "/welcome";
}
