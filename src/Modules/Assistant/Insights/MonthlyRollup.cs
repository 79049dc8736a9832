namespace CreatorOS.Modules.Assistant.Insights;

/// <summary>
/// One calendar month of <see cref="DailyRollup"/> rows summed per event and dimension, so a long
/// range reads one row per coach and month instead of one per coach and day (cost per coach over
/// 365 days). A month is written in one statement from its daily rows (<see cref="MonthBuilder"/>) once
/// every day of it is rolled up, and rolling up any of its days deletes it, so it always equals the
/// sum of its daily rows. Its <see cref="DailyRollup.RolledMarker"/> row marks it built.
/// </summary>
internal sealed class MonthlyRollup
{
    public required DateOnly Month { get; init; }

    public required string EventName { get; init; }

    public required string Dimension { get; init; }

    public required long Count { get; init; }

    public required double Total { get; init; }
}
