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
/// coach not read has a rolled total of at most the last one read, so only coaches whose live total
/// could lift them to the cut need their rolled total looked up (rarely any).
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

        var today = live.GroupBy(r => r.Dimension).ToDictionary(g => g.Key, g => (Count: g.Sum(r => r.Count), Total: g.Sum(r => r.Total)));
        // Reading as many more rolled rows as today has dimensions leaves a wide gap between the
        // top's cut and the last row read, so today's small amounts cannot bridge it (below).
        var take = limit + today.Count;
        var top = await Rolled(db, eventName, from, lastClosed, months, null)
            .OrderByDescending(t => t.Total).ThenByDescending(t => t.Count).ThenBy(t => t.Dimension)
            .Take(take)
            .ToListAsync(cancellationToken);
        var totals = top.ToDictionary(t => t.Dimension, t => (t.Count, t.Total));
        var outside = today.Keys.Where(d => !totals.ContainsKey(d)).ToList();
        if (top.Count == take && outside.Count > 0)
        {
            // A dimension not read has a rolled total of at most the last one read; the limit-th
            // best of those read, with today, is a lower bound of the final cut. Only a dimension
            // whose amount today bridges the two can reach the top: its rolled total is looked up.
            var last = top[^1].Total;
            var cut = top.Select(t => t.Total + (today.TryGetValue(t.Dimension, out var l) ? l.Total : 0)).OrderDescending().ElementAt(limit - 1);
            outside = [.. outside.Where(d => last + today[d].Total >= cut)];
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
        // Two day ranges, not one with an OR: SQLite would scan every day between them.
        var rows = Days(db, eventName, from, months.First == months.End ? lastClosed : months.First.AddDays(-1));
        if (months.First != months.End)
        {
            rows = rows.Concat(Days(db, eventName, months.End, lastClosed));
        }

        foreach (var (month, sign) in months.Snapshots)
        {
            rows = rows.Concat(db.YearToDateRollups.AsNoTracking()
                .Where(y => y.EventName == eventName && y.Month == month)
                .Select(y => new RolledTotal { Dimension = y.Dimension, Count = sign * y.Count, Total = sign * y.Total }));
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

    private static IQueryable<RolledTotal> Days(AssistantDbContext db, string eventName, DateOnly from, DateOnly to) =>
        db.Rollups.AsNoTracking()
            .Where(r => r.EventName == eventName && r.Day >= from && r.Day <= to)
            .Select(r => new RolledTotal { Dimension = r.Dimension, Count = r.Count, Total = r.Total });

    private sealed class RolledTotal
    {
        public required string Dimension { get; init; }

        public required long Count { get; init; }

        public required double Total { get; init; }
    }
}
