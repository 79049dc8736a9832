using System.Collections.Concurrent;
using CreatorOS.AgentRuntime;
using CreatorOS.Modules.Assistant.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Assistant.Spending;

/// <summary>
/// Today's model spend per coach and for the platform (UTC days), kept in the database
/// (<see cref="CoachDailySpend"/>) so every node reads and adds to the same totals: two nodes share
/// one coach's budget, and the platform alert is raised once per day for the whole cluster
/// (<see cref="PlatformSpendAlert"/>). Calls already in flight when a budget runs out may still
/// finish; the next call sees the spent budget wherever it runs. Each call is also an
/// <c>avery_api_call</c> event for analytics; the counter is the budget's source of truth, written
/// as soon as the call is priced, even if the turn's events are not saved.
/// </summary>
internal sealed class AiSpending(IServiceScopeFactory scopes, ModelGateway gateway, TimeProvider clock, ILogger<AiSpending> logger)
{
    public const string ApiCallEvent = "avery_api_call";

    private const decimal MicrosPerUsd = 1_000_000m;

    /// <summary>Days this node knows the alert is raised for, so it stops summing the platform's spend.</summary>
    private readonly ConcurrentDictionary<DateOnly, bool> _alerted = new();

    public async Task<bool> WithinBudgetAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        await SpentTodayAsync(workspaceId, cancellationToken) < gateway.Options.CoachDailyBudgetUsd;

    public async Task<decimal> SpentTodayAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var day = Today();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var micros = await db.CoachDailySpend.AsNoTracking()
            .Where(s => s.WorkspaceId == workspaceId && s.Day == day)
            .Select(s => s.CostMicroUsd)
            .FirstOrDefaultAsync(cancellationToken);
        return micros / MicrosPerUsd;
    }

    public async Task<decimal> PlatformTodayAsync(CancellationToken cancellationToken)
    {
        var day = Today();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        return await PlatformMicrosAsync(db, day, cancellationToken) / MicrosPerUsd;
    }

    /// <summary>Adds a call's cost to the coach's day (one atomic update) and raises the platform alert once per day.</summary>
    public async Task RecordAsync(Guid workspaceId, decimal costUsd, CancellationToken cancellationToken)
    {
        var day = Today();
        // Rounded up: rounding never lets a coach spend past the budget.
        var micros = (long)decimal.Ceiling(costUsd * MicrosPerUsd);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        if (await AddAsync(db, workspaceId, day, micros, cancellationToken) == 0)
        {
            db.CoachDailySpend.Add(new CoachDailySpend { WorkspaceId = workspaceId, Day = day, CostMicroUsd = micros, Calls = 1 });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node recorded the coach's first call of the day at the same moment: add to its row.
                db.ChangeTracker.Clear();
                await AddAsync(db, workspaceId, day, micros, cancellationToken);
            }
        }

        await AlertWhenOverAsync(db, day, cancellationToken);
    }

    private static Task<int> AddAsync(AssistantDbContext db, Guid workspaceId, DateOnly day, long micros, CancellationToken cancellationToken) =>
        db.CoachDailySpend
            .Where(s => s.WorkspaceId == workspaceId && s.Day == day)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.CostMicroUsd, s => s.CostMicroUsd + micros).SetProperty(s => s.Calls, s => s.Calls + 1), cancellationToken);

    private static Task<long> PlatformMicrosAsync(AssistantDbContext db, DateOnly day, CancellationToken cancellationToken) =>
        db.CoachDailySpend.AsNoTracking().Where(s => s.Day == day).SumAsync(s => s.CostMicroUsd, cancellationToken);

    private async Task AlertWhenOverAsync(AssistantDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        if (_alerted.ContainsKey(day))
        {
            return;
        }

        var spent = await PlatformMicrosAsync(db, day, cancellationToken);
        if (spent / MicrosPerUsd <= gateway.Options.PlatformDailyAlertUsd)
        {
            return;
        }

        db.PlatformSpendAlerts.Add(new PlatformSpendAlert { Day = day, SpentMicroUsd = spent, RaisedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("AI spend alert: the platform spent {SpentUsd} USD on models today, over the {ThresholdUsd} USD threshold", decimal.Round(spent / MicrosPerUsd, 2), gateway.Options.PlatformDailyAlertUsd);
        }
        catch (DbUpdateException)
        {
            // Another node raised today's alert first.
        }

        _alerted.TryAdd(day, true);
        foreach (var old in _alerted.Keys.Where(d => d < day))
        {
            _alerted.TryRemove(old, out _);
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
