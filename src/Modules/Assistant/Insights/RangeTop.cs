using CreatorOS.Contracts.Assistant;
using CreatorOS.Modules.Assistant.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Assistant.Insights;

/// <summary>
/// The largest dimensions of an event over rolled-up days plus today's live rows. Closed days are
/// summed and cut to the top in the database: whole calendar months as the difference of
/// <see cref="YearToDateRollup"/> snapshots, the days before and after them from
/// <see cref="DailyRollup"/>. So 365 days of per-coach cost read a few rows per coach, not one per
/// coach and day, and only the top comes back, not one row per coach. Today is added exactly: a
/// coach outside the rolled top has a rolled total of at most the top's last, so only coaches whose
/// live total could lift them to the cut need their rolled total looked up (rarely any).
/// </summary>
internal static class RangeTop
{
    public static async Task<List<DimensionTotal>> TopAsync(
        AssistantDbContext db, string eventName, DateOnly from, DateOnly lastClosed, WholeMonths months, IReadOnlyList<RollupRow> live, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return [];
        }

        // PostgreSQL cannot estimate the groups of a UNION ALL (it assumes 200) and plans a parallel
        // partial aggregate that spills and sorts ~50,000 coach keys; one serial hash aggregate took
        // ~120 instead of ~200 ms on the 2-core bench (365 days). SET LOCAL ends with the transaction.
        await using var transaction = db.Database.IsSqlite() ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        if (transaction is not null)
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", cancellationToken);
        }

        var top = await Rolled(db, eventName, from, lastClosed, months, null)
            .OrderByDescending(t => t.Total).ThenByDescending(t => t.Count).ThenBy(t => t.Dimension)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var totals = top.ToDictionary(t => t.Dimension, t => (t.Count, t.Total));
        var today = live.GroupBy(r => r.Dimension).ToDictionary(g => g.Key, g => (Count: g.Sum(r => r.Count), Total: g.Sum(r => r.Total)));
        var outside = today.Keys.Where(d => !totals.ContainsKey(d)).ToList();
        if (top.Count == limit && outside.Count > 0)
        {
            // Every dimension below the rolled top has a rolled total of at most `cut`; the top's
            // totals with today are a lower bound of the final cut, so the rest cannot reach it.
            var cut = top[^1].Total;
            var lowest = top.Min(t => t.Total + (today.TryGetValue(t.Dimension, out var l) ? l.Total : 0));
            outside = [.. outside.Where(d => cut + today[d].Total >= lowest)];
            if (outside.Count > 0)
            {
                foreach (var t in await Rolled(db, eventName, from, lastClosed, months, outside).ToListAsync(cancellationToken))
                {
                    totals[t.Dimension] = (t.Count, t.Total);
                }
            }
        }

        foreach (var dimension in totals.Keys.Concat(outside).Distinct().ToList())
        {
            var (count, total) = totals.GetValueOrDefault(dimension);
            var (liveCount, liveTotal) = today.GetValueOrDefault(dimension);
            totals[dimension] = (count + liveCount, total + liveTotal);
        }

        return [.. totals.Select(t => new DimensionTotal(t.Key, t.Value.Count, t.Value.Total))
            .OrderByDescending(t => t.Total).ThenByDescending(t => t.Count).ThenBy(t => t.Dimension, StringComparer.Ordinal)
            .Take(limit)];
    }

    /// <summary>Per dimension, the sum over [from, lastClosed]: the days outside the whole months plus the signed snapshots that make them.</summary>
    private static IQueryable<RolledTotal> Rolled(
        AssistantDbContext db, string eventName, DateOnly from, DateOnly lastClosed, WholeMonths months, List<string>? only)
    {
        var rows = db.Rollups.AsNoTracking()
            .Where(r => r.EventName == eventName && r.Day >= from && r.Day <= lastClosed && (r.Day < months.First || r.Day >= months.End))
            .Select(r => new { r.Dimension, r.Count, r.Total });
        foreach (var (month, sign) in months.Snapshots)
        {
            rows = rows.Concat(db.YearToDateRollups.AsNoTracking()
                .Where(y => y.EventName == eventName && y.Month == month)
                .Select(y => new { y.Dimension, Count = sign * y.Count, Total = sign * y.Total }));
        }

        if (only is not null)
        {
            rows = rows.Where(r => only.Contains(r.Dimension));
        }

        // A dimension with nothing in the range nets to zero between two snapshots.
        return rows.GroupBy(r => r.Dimension)
            .Where(g => g.Sum(r => r.Count) != 0)
            .Select(g => new RolledTotal { Dimension = g.Key, Count = g.Sum(r => r.Count), Total = g.Sum(r => r.Total) });
    }

    private sealed class RolledTotal
    {
        public required string Dimension { get; init; }

        public required long Count { get; init; }

        public required double Total { get; init; }
    }
}
