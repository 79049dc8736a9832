namespace CreatorOS.Modules.Assistant.Insights;

/// <summary>
/// <see cref="DailyRollup"/> rows summed per event and dimension from January 1 through the end of
/// <see cref="Month"/>: whole months of a range are the difference of these (365 days of cost per
/// coach read two or three rows per coach, not one per coach and day). Restarting every January
/// keeps a snapshot to the coaches of one year. Written only by <see cref="YearToDate"/> in one
/// statement from the daily rows once every day up to the month's end is rolled up; rolling up a day
/// deletes the snapshots from its month to December, so they always equal the daily rows. The
/// <see cref="DailyRollup.RolledMarker"/> row marks a snapshot built.
/// </summary>
internal sealed class YearToDateRollup
{
    public required DateOnly Month { get; init; }

    public required string EventName { get; init; }

    public required string Dimension { get; init; }

    public required long Count { get; init; }

    public required double Total { get; init; }
}
