using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>
/// When each phase is done (spec Ticket 1.3), read from the store's real state and the skips,
/// never from a copy. The current phase is the first one not done.
/// </summary>
internal static class PhaseRules
{
    public const string SpecialtySkippedFact = "specialty_skipped";

    public static Scorecard ScorecardOf(StoreView store, bool socialsConnected) => new(
        Photo: LaunchItems.HasPhoto(store),
        Socials: socialsConnected,
        Blogs: LaunchItems.HasBlogs(store),
        Shared: store.IsShared,
        Live: LaunchItems.HasLiveSession(store));

    public static bool IsDone(OnboardingPhase phase, StoreView store, Scorecard scorecard, PhaseState state) =>
        state.Skipped.Contains(phase) || phase switch
        {
            OnboardingPhase.Discovery => store.Profile.PreferredName is not null && store.Profile.Niche is not null
                && (store.Profile.Specialty is not null || state.Fact(SpecialtySkippedFact) == "true"),
            OnboardingPhase.SocialConnect => scorecard.Socials,
            OnboardingPhase.ContentImport => scorecard.Blogs,
            OnboardingPhase.ProfileSetup => scorecard.Photo && !string.IsNullOrEmpty(store.Profile.Bio),
            OnboardingPhase.Pricing => store.Price is { Amount: > 0 },
            OnboardingPhase.Launch => scorecard.Shared,
            OnboardingPhase.NextSteps => scorecard.Live,
            _ => false,
        };

    public static OnboardingPhase CurrentPhase(StoreView store, Scorecard scorecard, PhaseState state) =>
        OnboardingPhases.InOrder.FirstOrDefault(p => p != OnboardingPhase.Complete && !IsDone(p, store, scorecard, state), OnboardingPhase.Complete);

    /// <summary>Share of the seven working phases that are done or skipped.</summary>
    public static int ProgressPct(StoreView store, Scorecard scorecard, PhaseState state)
    {
        var phases = OnboardingPhases.InOrder.Where(p => p != OnboardingPhase.Complete).ToList();
        return phases.Count(p => IsDone(p, store, scorecard, state)) * 100 / phases.Count;
    }
}
