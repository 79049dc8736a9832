namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>The spec's "metrics to track per variant" (Ticket 6.1), as data rows seeded once.</summary>
internal static class BuiltInMetrics
{
    public const string CompletionRate = "completion_rate";

    public static IReadOnlyList<MetricDefinition> For(DateTimeOffset now) =>
    [
        Make(CompletionRate, "Onboarding completion rate (every variant's path)", MetricKind.Conversion, MetricSources.Experiments, MetricEvents.OnboardingCompleted, 0, 30, now),
        Make("time_to_first_blog", "Time to first blog (minutes)", MetricKind.TimeToFirst, MetricSources.Experiments, MetricEvents.BlogPublished, 0, 30, now, higherIsBetter: false),
        Make("time_to_first_subscriber", "Time to first subscriber (minutes)", MetricKind.TimeToFirst, MetricSources.Experiments, MetricEvents.SubscriberJoined, 0, 90, now, higherIsBetter: false),
        Make("blogs_by_day_7", "Blogs published by day 7", MetricKind.Count, MetricSources.Experiments, MetricEvents.BlogPublished, 0, 7, now),
        Make("share_rate_day_1", "Store shared on day 1", MetricKind.Conversion, MetricSources.Experiments, MetricEvents.StoreShared, 0, 1, now),
        Make("return_7d", "Came back within 7 days (activity)", MetricKind.Conversion, MetricSources.Experiments, MetricEvents.Active, 1, 7, now),
        Make("retention_30d", "Active at day 30 (days 30–59)", MetricKind.Conversion, MetricSources.Experiments, MetricEvents.Active, 30, 60, now),
        Make("retention_90d", "Active at day 90 (days 90–119)", MetricKind.Conversion, MetricSources.Experiments, MetricEvents.Active, 90, 120, now),
        Make("revenue_month_1", "Revenue in month 1 (estimated: new subscribers × monthly price)", MetricKind.Sum, MetricSources.Experiments, MetricEvents.Revenue, 0, 30, now),
    ];

    /// <summary>What a built-in metric's events really are, where that differs from the spec's wording; shown beside it in the admin.</summary>
    public static string? SourceNote(string key) => key switch
    {
        CompletionRate =>
            "Completed = Avery's conversation finished, the dashboard's set-up checklist all done, or (scorecard) its five items all done; whichever comes first. Recorded as it happens from migration 0095 on; earlier ones are backfilled once (Avery's at their time, a finished checklist at the store's last change).",
        "return_7d" or "retention_30d" or "retention_90d" =>
            "Activity = the coach opened one of their pages (dashboard, store, blogs, Avery) that day, the same for every variant. Store changes are not activity: subscribers and the weekly social refresh change stores too.",
        "revenue_month_1" =>
            "Estimated: one month of the store's price per new subscriber, in the store's currency. No payments module yet, so no real GMV.",
        _ => null,
    };

    private static MetricDefinition Make(string key, string name, string kind, string source, string eventName, int start, int end, DateTimeOffset now, bool higherIsBetter = true) => new()
    {
        Key = key,
        Name = name,
        Kind = kind,
        Source = source,
        EventName = eventName,
        WindowStartDays = start,
        WindowEndDays = end,
        HigherIsBetter = higherIsBetter,
        BuiltIn = true,
        CreatedAt = now,
    };
}
