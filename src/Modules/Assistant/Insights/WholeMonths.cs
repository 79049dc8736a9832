namespace CreatorOS.Modules.Assistant.Insights;

/// <summary>
/// The calendar months lying wholly inside a range, [First, End) (none when equal), and the signed
/// <see cref="YearToDateRollup"/> snapshots whose sum they are: per year, the snapshot of its last
/// month in the span, less the snapshot of the month before the span when it starts after January.
/// A 365-day range thus reads two or three snapshots.
/// </summary>
internal sealed record WholeMonths(DateOnly First, DateOnly End, IReadOnlyList<(DateOnly Month, int Sign)> Snapshots)
{
    public static WholeMonths Of(DateOnly from, DateOnly to)
    {
        var first = from.Day == 1 ? from : YearToDate.MonthOf(from).AddMonths(1);
        var end = to < from ? first : to.AddDays(1).Day == 1 ? to.AddDays(1) : YearToDate.MonthOf(to);
        if (end <= first)
        {
            return new(first, first, []);
        }

        var last = end.AddMonths(-1);
        var snapshots = new List<(DateOnly, int)>();
        for (var year = first.Year; year <= last.Year; year++)
        {
            snapshots.Add((year == last.Year ? last : new DateOnly(year, 12, 1), 1));
        }

        if (first.Month > 1)
        {
            snapshots.Add((first.AddMonths(-1), -1));
        }

        return new(first, end, snapshots);
    }
}
