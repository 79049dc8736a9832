namespace CreatorOS.Contracts.Assistant;

/// <summary>
/// Read-only analytics over Avery's events, conversations and nudges (spec Ticket 6.2), for the
/// internal dashboard and for experiment metrics. Days are UTC; ranges are inclusive of both days.
/// Closed days come from a daily roll-up of assistant_events, so a panel reads a few hundred rows
/// whatever the event volume; today is computed live.
/// </summary>
public interface IAssistantInsights
{
    /// <summary>The spec's avery_daily_metrics view: one row per day that had events.</summary>
    Task<IReadOnlyList<AssistantDay>> DailyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>How many coaches reached each onboarding phase (Started → … → Complete).</summary>
    Task<IReadOnlyList<FunnelStep>> FunnelAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Per-day counts of one dimension of an event: function name (avery_function_executed), phase
    /// (avery_skip_clicked), error code (avery_error), coach workspace (avery_api_call, with cost in Total),
    /// whole minutes (avery_onboarding_completed, with seconds in Total).
    /// </summary>
    Task<IReadOnlyList<DimensionCount>> BreakdownAsync(string eventName, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The largest dimensions of an event over the whole range (summed in the database), e.g. the costliest coaches.</summary>
    Task<IReadOnlyList<DimensionTotal>> TopAsync(string eventName, DateOnly from, DateOnly to, int limit, CancellationToken cancellationToken);

    /// <summary>When each of these workspaces had <paramref name="eventName"/>: for experiment metrics.</summary>
    Task<IReadOnlyList<WorkspaceEvent>> EventsOfAsync(string eventName, IReadOnlyCollection<Guid> workspaceIds, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Workspaces that had <paramref name="eventName"/> at or after <paramref name="since"/>, each once:
    /// read from a per-coach first/last roll-up for onboarding completion (one row per coach, whatever
    /// the event volume) plus today's events live; other events scan the raw events.
    /// </summary>
    Task<IReadOnlyCollection<Guid>> WorkspacesWithEventSinceAsync(string eventName, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Rolls up every closed day up to <paramref name="before"/> that is not rolled up yet; returns how many.</summary>
    Task<int> RollUpAsync(DateOnly before, CancellationToken cancellationToken);
}
