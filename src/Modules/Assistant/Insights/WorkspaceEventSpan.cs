using CreatorOS.Contracts.Assistant;

namespace CreatorOS.Modules.Assistant.Insights;

/// <summary>
/// When a workspace first and last had one of the <see cref="Tracked"/> events, so "which coaches
/// completed onboarding since X" reads one row per coach instead of scanning the events. Kept by
/// the daily roll-up (min/max, so rolling a day twice changes nothing) and backfilled from all
/// events by migration 0060.
/// </summary>
internal sealed class WorkspaceEventSpan
{
    /// <summary>Events the spans are kept for; others are answered from the raw events.</summary>
    public static readonly IReadOnlyList<string> Tracked = [AssistantEventNames.OnboardingCompleted];

    public required string EventName { get; init; }

    public required Guid WorkspaceId { get; init; }

    public required DateTimeOffset FirstAt { get; init; }

    public required DateTimeOffset LastAt { get; init; }
}
