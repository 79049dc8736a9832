using System.Collections.Concurrent;
using System.Text.Json;
using CreatorOS.AgentRuntime;
using CreatorOS.Modules.Assistant.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Assistant.Spending;

/// <summary>
/// Today's model spend per coach and for the platform (UTC days), from the <c>avery_api_call</c>
/// events. Totals are kept in memory and loaded from the events on first use each day, so a restart
/// forgets nothing. One node: on several nodes each keeps its own running total over the same
/// events, which may overshoot a budget by the calls in flight on the others.
/// </summary>
internal sealed class AiSpending(IServiceScopeFactory scopes, ModelGateway gateway, TimeProvider clock, ILogger<AiSpending> logger)
{
    public const string ApiCallEvent = "avery_api_call";

    private readonly ConcurrentDictionary<(Guid Workspace, DateOnly Day), decimal> _coaches = new();
    private readonly ConcurrentDictionary<DateOnly, decimal> _platform = new();
    private readonly ConcurrentDictionary<DateOnly, bool> _alerted = new();

    public async Task<bool> WithinBudgetAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        await SpentTodayAsync(workspaceId, cancellationToken) < gateway.Options.CoachDailyBudgetUsd;

    public async Task<decimal> SpentTodayAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var day = Today();
        if (_coaches.TryGetValue((workspaceId, day), out var spent))
        {
            return spent;
        }

        var loaded = await LoadAsync(workspaceId, day, cancellationToken);
        return _coaches.GetOrAdd((workspaceId, day), loaded);
    }

    public async Task<decimal> PlatformTodayAsync(CancellationToken cancellationToken)
    {
        var day = Today();
        if (_platform.TryGetValue(day, out var spent))
        {
            return spent;
        }

        var loaded = await LoadAsync(null, day, cancellationToken);
        return _platform.GetOrAdd(day, loaded);
    }

    /// <summary>Adds a call's cost (before its event is saved) and raises the platform alert once per day.</summary>
    public async Task RecordAsync(Guid workspaceId, decimal costUsd, CancellationToken cancellationToken)
    {
        var day = Today();
        await SpentTodayAsync(workspaceId, cancellationToken);
        await PlatformTodayAsync(cancellationToken);
        _coaches.AddOrUpdate((workspaceId, day), costUsd, (_, total) => total + costUsd);
        var platform = _platform.AddOrUpdate(day, costUsd, (_, total) => total + costUsd);
        if (platform > gateway.Options.PlatformDailyAlertUsd && _alerted.TryAdd(day, true))
        {
            logger.LogWarning("AI spend alert: the platform spent {SpentUsd} USD on models today, over the {ThresholdUsd} USD threshold", decimal.Round(platform, 2), gateway.Options.PlatformDailyAlertUsd);
        }

        foreach (var old in _coaches.Keys.Where(k => k.Day < day))
        {
            _coaches.TryRemove(old, out _);
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<decimal> LoadAsync(Guid? workspaceId, DateOnly day, CancellationToken cancellationToken)
    {
        var since = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var events = db.Events.AsNoTracking().Where(e => e.EventName == ApiCallEvent && e.CreatedAt >= since);
        if (workspaceId is { } id)
        {
            events = events.Where(e => e.WorkspaceId == id);
        }

        var total = 0m;
        foreach (var properties in await events.Select(e => e.Properties).ToListAsync(cancellationToken))
        {
            using var json = JsonDocument.Parse(properties);
            if (json.RootElement.TryGetProperty("costUsd", out var cost) && cost.TryGetDecimal(out var value))
            {
                total += value;
            }
        }

        return total;
    }
}
