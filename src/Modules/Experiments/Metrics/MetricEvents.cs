namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>Fact names this module records itself (from store changes) or that other modules track.</summary>
internal static class MetricEvents
{
    public const string BlogPublished = "blog_published";
    public const string SubscriberJoined = "subscriber_joined";
    public const string StoreShared = "store_shared";

    /// <summary>The coach finished onboarding on any path their variant offers; once per unit (see RecordOnboardingCompletion).</summary>
    public const string OnboardingCompleted = "onboarding_completed";

    /// <summary>The unit used the product that day (IExperiments.RecordActivityAsync: a coach opened one of their pages); one per UTC day.</summary>
    public const string Active = "active";

    /// <summary>Not recorded by anything yet: commerce is not built.</summary>
    public const string Revenue = "revenue";
}
