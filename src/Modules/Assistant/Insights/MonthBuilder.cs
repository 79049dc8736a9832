using CreatorOS.Modules.Assistant.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Assistant.Insights;

/// <summary>
/// Writes <see cref="MonthlyRollup"/> rows: a whole month of a range, once all its days are rolled
/// up, in one statement from its daily rows (~50,000 per-coach rows at 10 million events, so they
/// never travel through the app). The SQL is the same on both providers; the days' marker rows sum
/// into the month's marker. A concurrent build of the same month computes the same rows, hence
/// DO NOTHING.
/// </summary>
internal static class MonthBuilder
{
    private const string Build = """
        INSERT INTO assistant_monthly_rollup (month, event_name, dimension, count, total)
        SELECT {0}, event_name, dimension, SUM(count), SUM(total)
        FROM assistant_daily_rollup
        WHERE day >= {0} AND day < {1}
        GROUP BY event_name, dimension
        ON CONFLICT DO NOTHING
        """;

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The calendar months lying wholly inside [from, to], as [First, End); empty when First == End.</summary>
    public static (DateOnly First, DateOnly End) WholeMonths(DateOnly from, DateOnly to)
    {
        var first = from.Day == 1 ? from : MonthOf(from).AddMonths(1);
        var end = to.AddDays(1).Day == 1 ? to.AddDays(1) : MonthOf(to);
        return end > first ? (first, end) : (first, first);
    }

    /// <summary>Builds the whole months of [from, to] that are not built yet; every day of the range must be rolled up.</summary>
    public static async Task<(DateOnly First, DateOnly End)> EnsureAsync(AssistantDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (first, end) = WholeMonths(from, to);
        if (first == end)
        {
            return (first, end);
        }

        var built = (await db.MonthlyRollups.AsNoTracking()
            .Where(m => m.EventName == DailyRollup.RolledMarker && m.Month >= first && m.Month < end)
            .Select(m => m.Month)
            .ToListAsync(cancellationToken)).ToHashSet();
        for (var month = first; month < end; month = month.AddMonths(1))
        {
            if (!built.Contains(month))
            {
                await db.Database.ExecuteSqlRawAsync(Build, [month, month.AddMonths(1)], cancellationToken);
            }
        }

        return (first, end);
    }
}
