namespace CreatorOS.Modules.Assistant.Insights;

/// <summary>
/// One closed UTC day of assistant_events, pre-aggregated by event and one dimension (function name,
/// phase, error code, coach, onboarding minutes). A day that has been rolled up has a
/// <see cref="RolledMarker"/> row, so an empty day is not rolled up again.
/// </summary>
internal sealed class DailyRollup
{
    public const string RolledMarker = "_rolled";

    public required DateOnly Day { get; init; }

    public required string EventName { get; init; }

    public required string Dimension { get; init; }

    public required long Count { get; init; }

    /// <summary>Sum of the event's amount: API cost in USD, onboarding seconds; 0 otherwise.</summary>
    public required double Total { get; init; }
}
