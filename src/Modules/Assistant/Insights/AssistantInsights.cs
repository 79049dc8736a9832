using CreatorOS.Contracts.Assistant;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CreatorOS.Modules.Assistant.Insights;

/// <summary>
/// <see cref="IAssistantInsights"/>: closed days come from assistant_daily_rollup (rolled up on first
/// read, or ahead of time by <see cref="InsightsRollupJob"/>); today is aggregated live. The queries
/// live here, beside the tables they read (ADR 0012).
/// </summary>
internal sealed class AssistantInsights(AssistantDbContext db, TimeProvider clock, LiveDay live) : IAssistantInsights
{
    private const int ChunkSize = 500;

    private static readonly string[] DailyEventNames =
    [
        DailyRollup.RolledMarker, AssistantEventNames.ConversationStarted, AssistantEventNames.OnboardingCompleted, AssistantEventNames.MessageSent,
        AssistantEventNames.ButtonClicked, AssistantEventNames.FreeTextUsed, AssistantEventNames.FunctionExecuted, AssistantEventNames.BlogGenerated,
        AssistantEventNames.SkipClicked, AssistantEventNames.Error, AssistantEventNames.ApiCall,
    ];
    private static readonly DateTimeOffsetToBinaryConverter SqliteTimestamps = new();

    public async Task<IReadOnlyList<AssistantDay>> DailyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(null, from, to, cancellationToken);
        return
        [
            .. rows.GroupBy(r => r.Day).OrderBy(g => g.Key).Select(day =>
            {
                long Count(string name, string? dimension = null) => day.Where(r => r.EventName == name && (dimension is null || r.Dimension == dimension)).Sum(r => r.Count);
                var completed = Count(AssistantEventNames.OnboardingCompleted);
                var seconds = day.Where(r => r.EventName == AssistantEventNames.OnboardingCompleted).Sum(r => r.Total);
                var costRows = day.Where(r => r.EventName == AssistantEventNames.ApiCall).ToList();
                return new AssistantDay(
                    day.Key,
                    Count(AssistantEventNames.ConversationStarted),
                    completed,
                    Count(AssistantEventNames.MessageSent, "coach"),
                    Count(AssistantEventNames.MessageSent, "avery"),
                    Count(AssistantEventNames.ButtonClicked),
                    Count(AssistantEventNames.FreeTextUsed),
                    Count(AssistantEventNames.FunctionExecuted),
                    Count(AssistantEventNames.BlogGenerated),
                    Count(AssistantEventNames.SkipClicked),
                    Count(AssistantEventNames.Error),
                    completed == 0 ? null : seconds / completed,
                    costRows.Count == 0 ? null : (decimal)costRows.Sum(r => r.Total));
            }),
        ];
    }

    public async Task<IReadOnlyList<FunnelStep>> FunnelAsync(CancellationToken cancellationToken)
    {
        var byPhase = await db.Conversations.AsNoTracking()
            .GroupBy(c => c.CurrentPhase)
            .Select(g => new { Phase = g.Key, Coaches = g.LongCount() })
            .ToListAsync(cancellationToken);
        var steps = new List<FunnelStep>();
        long previous = 0;
        for (var i = 0; i < OnboardingPhases.InOrder.Count; i++)
        {
            var reached = byPhase.Where(p => (OnboardingPhases.FromWireName(p.Phase) is { } phase ? OnboardingPhases.InOrder.ToList().IndexOf(phase) : 0) >= i).Sum(p => p.Coaches);
            var name = i == 0 ? "started" : OnboardingPhases.InOrder[i].WireName();
            steps.Add(new FunnelStep(name, reached, i == 0 || previous == 0 ? 0 : Math.Round(100.0 * (previous - reached) / previous, 1)));
            previous = reached;
        }

        return steps;
    }

    public async Task<IReadOnlyList<DimensionCount>> BreakdownAsync(string eventName, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        [.. (await RowsAsync(eventName, from, to, cancellationToken)).Select(r => new DimensionCount(r.Day, r.Dimension, r.Count, r.Total))];

    public async Task<IReadOnlyList<DimensionTotal>> TopAsync(string eventName, DateOnly from, DateOnly to, int limit, CancellationToken cancellationToken)
    {
        var (today, lastClosed) = await PrepareAsync(from, to, cancellationToken);
        var months = WholeMonths.Of(from, lastClosed);
        if (months.Snapshots.Count > 0)
        {
            // Snapshots sum from January 1, so those days are rolled up too (once).
            await RollUpRangeAsync(YearToDate.JanuaryOf(months.First), from.AddDays(-1), cancellationToken);
            await YearToDate.EnsureAsync(db, months.Snapshots.Select(s => s.Month), cancellationToken);
        }

        var live = from <= today && today <= to ? (await TodayAsync(today, cancellationToken)).Where(r => r.EventName == eventName).ToList() : [];
        return await RangeTop.TopAsync(db, eventName, from, lastClosed, months, live, limit, cancellationToken);
    }

    public async Task<IReadOnlyList<WorkspaceEvent>> EventsOfAsync(string eventName, IReadOnlyCollection<Guid> workspaceIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (workspaceIds.Count > ChunkSize * 4)
        {
            // Many units: one range scan of the event (index on event_name, created_at) beats many IN lists.
            var wanted = workspaceIds.ToHashSet();
            var all = await db.Events.AsNoTracking()
                .Where(e => e.EventName == eventName && e.CreatedAt >= since)
                .Select(e => new WorkspaceEvent(e.WorkspaceId, e.CreatedAt))
                .ToListAsync(cancellationToken);
            return [.. all.Where(e => wanted.Contains(e.WorkspaceId))];
        }

        var result = new List<WorkspaceEvent>();
        foreach (var chunk in workspaceIds.Chunk(ChunkSize))
        {
            var rows = await db.Events.AsNoTracking()
                .Where(e => e.EventName == eventName && e.CreatedAt >= since && chunk.Contains(e.WorkspaceId))
                .Select(e => new WorkspaceEvent(e.WorkspaceId, e.CreatedAt))
                .ToListAsync(cancellationToken);
            result.AddRange(rows);
        }

        return result;
    }

    public async Task<IReadOnlyCollection<Guid>> WorkspacesWithEventSinceAsync(string eventName, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (!WorkspaceEventSpan.Tracked.Contains(eventName))
        {
            return await db.Events.AsNoTracking()
                .Where(e => e.EventName == eventName && e.CreatedAt >= since)
                .Select(e => e.WorkspaceId).Distinct()
                .ToListAsync(cancellationToken);
        }

        // Closed days since `since` must be in the spans; today (and anything not rolled yet) is read live.
        var (today, _) = await PrepareAsync(DateOnly.FromDateTime(since.UtcDateTime), DateOnly.MaxValue, cancellationToken);
        var todayStart = StartOf(today);
        var rolled = await db.WorkspaceEventSpans.AsNoTracking()
            .Where(s => s.EventName == eventName && s.LastAt >= since)
            .Select(s => s.WorkspaceId)
            .ToListAsync(cancellationToken);
        var liveSince = since > todayStart ? since : todayStart;
        var live = await db.Events.AsNoTracking()
            .Where(e => e.EventName == eventName && e.CreatedAt >= liveSince)
            .Select(e => e.WorkspaceId).Distinct()
            .ToListAsync(cancellationToken);
        var result = rolled.ToHashSet();
        result.UnionWith(live);
        return result;
    }

    public async Task<int> RollUpAsync(DateOnly before, CancellationToken cancellationToken)
    {
        var firstEvent = await db.Events.AsNoTracking().OrderBy(e => e.CreatedAt).Select(e => (DateTimeOffset?)e.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (firstEvent is null)
        {
            return 0;
        }

        // From January 1 of the first event's year, so the closed months' year-to-date snapshots can
        // be built too and the first long-range read of a month does not build them.
        var january = YearToDate.JanuaryOf(DateOnly.FromDateTime(firstEvent.Value.UtcDateTime));
        var rolled = await RollUpRangeAsync(january, before.AddDays(-1), cancellationToken);
        await YearToDate.EnsureAsync(db, WholeMonths.Of(january, before.AddDays(-1)).Snapshots.Select(s => s.Month), cancellationToken);
        return rolled;
    }

    private async Task<List<(DateOnly Day, string EventName, string Dimension, long Count, double Total)>> RowsAsync(string? eventName, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (today, lastClosed) = await PrepareAsync(from, to, cancellationToken);
        List<(DateOnly, string, string, long, double)> rows;
        if (eventName is null)
        {
            // The daily view needs per-event totals (and the message role): summed in the database.
            // Named events only, so the range is read through (event_name, day) and never touches the
            // per-coach rows (thousands a day); a day's marker counts its events, so a day whose events
            // are all of other names still shows, as before.
            var grouped = await db.Rollups.AsNoTracking()
                .Where(r => DailyEventNames.Contains(r.EventName) && r.Day >= from && r.Day <= lastClosed)
                .GroupBy(r => new { r.Day, r.EventName, Dimension = r.EventName == AssistantEventNames.MessageSent ? r.Dimension : "" })
                .Select(g => new { g.Key.Day, g.Key.EventName, g.Key.Dimension, Count = g.Sum(r => r.Count), Total = g.Sum(r => r.Total) })
                .ToListAsync(cancellationToken);
            rows = [.. grouped.Where(r => r.EventName != DailyRollup.RolledMarker || r.Count > 0).Select(r => (r.Day, r.EventName, r.Dimension, r.Count, r.Total))];
        }
        else
        {
            var rolled = await db.Rollups.AsNoTracking()
                .Where(r => r.EventName == eventName && r.Day >= from && r.Day <= lastClosed)
                .ToListAsync(cancellationToken);
            rows = [.. rolled.Select(r => (r.Day, r.EventName, r.Dimension, r.Count, r.Total))];
        }

        if (from <= today && today <= to)
        {
            rows.AddRange((await TodayAsync(today, cancellationToken))
                .Where(r => eventName is null ? r.EventName != AssistantEventNames.ApiCallPerCoach : r.EventName == eventName)
                .Select(r => (today, r.EventName, r.Dimension, r.Count, r.Total)));
        }

        return rows;
    }

    /// <summary>Rolls up the range's closed days that are not yet; returns today and the last closed day in the range.</summary>
    private async Task<(DateOnly Today, DateOnly LastClosed)> PrepareAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var lastClosed = to < today ? to : today.AddDays(-1);
        await RollUpRangeAsync(from, lastClosed, cancellationToken);
        return (today, lastClosed);
    }

    private Task<List<RollupRow>> TodayAsync(DateOnly today, CancellationToken cancellationToken) =>
        live.GetAsync(today, () => AggregateAsync(today, cancellationToken));

    private async Task<int> RollUpRangeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to < from)
        {
            return 0;
        }

        var done = (await db.Rollups.AsNoTracking()
            .Where(r => r.EventName == DailyRollup.RolledMarker && r.Day >= from && r.Day <= to)
            .Select(r => r.Day)
            .ToListAsync(cancellationToken)).ToHashSet();
        var rolled = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (done.Contains(day))
            {
                continue;
            }

            var rows = await AggregateAsync(day, cancellationToken);
            db.Rollups.AddRange(rows.Select(r => new DailyRollup { Day = day, EventName = r.EventName, Dimension = Truncate(r.Dimension), Count = r.Count, Total = r.Total }));
            db.Rollups.Add(new DailyRollup { Day = day, EventName = DailyRollup.RolledMarker, Dimension = "", Count = rows.Sum(r => r.Count), Total = 0 });
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await SpanDayAsync(day, cancellationToken);
                await YearToDate.InvalidateAsync(db, day, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                rolled++;
            }
            catch (DbUpdateException)
            {
                // Another request or node rolled this day up at the same moment; its rows stand.
                await transaction.RollbackAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return rolled;
    }

    /// <summary>Widens the per-coach first/last spans by one day's events (idempotent: min and max).</summary>
    private async Task SpanDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (start, end) = (StartOf(day), StartOf(day.AddDays(1)));
        foreach (var eventName in WorkspaceEventSpan.Tracked)
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync(SpanQuery.Sqlite, [eventName, SqliteTimestamps.ConvertToProvider(start)!, SqliteTimestamps.ConvertToProvider(end)!], cancellationToken);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync(SpanQuery.Postgres, [eventName, start, end], cancellationToken);
            }
        }
    }

    private async Task<List<RollupRow>> AggregateAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (start, end) = (StartOf(day), StartOf(day.AddDays(1)));
        var rows = db.Database.IsSqlite()
            ? db.Database.SqlQueryRaw<RollupRow>(RollupQuery.Sqlite, SqliteTimestamps.ConvertToProvider(start)!, SqliteTimestamps.ConvertToProvider(end)!)
            : db.Database.SqlQueryRaw<RollupRow>(RollupQuery.Postgres, start, end);
        return await rows.ToListAsync(cancellationToken);
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Truncate(string value) => value.Length <= 100 ? value : value[..100];
}
