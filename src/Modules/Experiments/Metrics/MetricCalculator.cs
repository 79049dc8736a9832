using CreatorOS.Contracts.Assistant;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>
/// Computes a metric per variant from events: each assigned unit's events in the metric's window
/// after its assignment. Units whose window has not started yet are left out (a coach assigned
/// today cannot be retained at day 30 yet). Only the current version's assignments count: units
/// assigned under earlier weights arrived with a different split at a different time, and mixing
/// them would compare variants over different populations.
/// </summary>
internal sealed class MetricCalculator(ExperimentsDbContext db, IAssistantInsights assistant, TimeProvider clock)
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteTimestamps = new();

    public Task<List<MetricDefinition>> DefinitionsAsync(CancellationToken cancellationToken) =>
        db.Metrics.AsNoTracking().OrderBy(m => m.BuiltIn ? 0 : 1).ThenBy(m => m.Key).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<VariantMetric>> ComputeAsync(Experiment experiment, MetricDefinition metric, CancellationToken cancellationToken)
    {
        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.ExperimentId == experiment.Id && a.Version == experiment.Version)
            .Select(a => new { a.UnitId, a.Variant, a.AssignedAt })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var eligible = assignments.Where(a => a.AssignedAt.AddDays(metric.WindowStartDays) <= now).ToList();
        var since = eligible.Count == 0 ? now : eligible.Min(a => a.AssignedAt);
        var events = await EventsAsync(experiment, metric, [.. eligible.Select(a => a.UnitId)], since, cancellationToken);

        var perUnit = eligible.Select(a =>
        {
            var from = a.AssignedAt.AddDays(metric.WindowStartDays);
            var to = a.AssignedAt.AddDays(metric.WindowEndDays);
            var inWindow = events.TryGetValue(a.UnitId, out var list) ? list.Where(e => e.At >= from && e.At < to).ToList() : [];
            double? value = metric.Kind switch
            {
                MetricKind.Conversion => inWindow.Count > 0 ? 1 : 0,
                MetricKind.Count => inWindow.Count,
                MetricKind.Sum => inWindow.Sum(e => e.Value ?? 0),
                _ => inWindow.Count > 0 ? (inWindow.Min(e => e.At) - a.AssignedAt).TotalMinutes : null,
            };
            return (a.Variant, Value: value, Had: inWindow.Count > 0);
        }).ToList();

        return
        [
            .. experiment.VariantList().Select(variant =>
            {
                var units = perUnit.Where(u => u.Variant == variant.Key).ToList();
                var values = units.Where(u => u.Value is not null).Select(u => u.Value!.Value).ToList();
                double? mean = values.Count == 0 ? null : values.Average();
                double? sd = values.Count < 2 ? null : Math.Sqrt(values.Sum(v => (v - mean!.Value) * (v - mean.Value)) / (values.Count - 1));
                return new VariantMetric(variant.Key, units.Count, units.Count(u => u.Had), mean, sd);
            }),
        ];
    }

    /// <summary>
    /// The same units and successes as <see cref="ComputeAsync"/> for a conversion metric over this
    /// module's facts, counted in the database (the dashboard's retention panel); other metrics are
    /// computed in memory.
    /// </summary>
    public async Task<IReadOnlyList<VariantMetric>> ConversionsAsync(Experiment experiment, MetricDefinition metric, CancellationToken cancellationToken)
    {
        if (metric.Kind != MetricKind.Conversion || metric.Source != MetricSources.Experiments)
        {
            return await ComputeAsync(experiment, metric, cancellationToken);
        }

        var eligibleUntil = clock.GetUtcNow().AddDays(-metric.WindowStartDays);
        var rows = db.Database.IsSqlite()
            ? db.Database.SqlQueryRaw<ConversionRow>(ConversionQuery.Sqlite, experiment.Id.ToString("D").ToUpperInvariant(), metric.EventName, metric.WindowStartDays, metric.WindowEndDays, SqliteTimestamps.ConvertToProvider(eligibleUntil)!, experiment.Version)
            : db.Database.SqlQueryRaw<ConversionRow>(ConversionQuery.Postgres, experiment.Id, metric.EventName, metric.WindowStartDays, metric.WindowEndDays, eligibleUntil, experiment.Version);
        var byVariant = (await rows.ToListAsync(cancellationToken)).ToDictionary(r => r.Variant);
        return
        [
            .. experiment.VariantList().Select(variant =>
            {
                var (units, successes) = byVariant.TryGetValue(variant.Key, out var row) ? (row.Units, row.Successes) : (0L, 0L);
                double? rate = units == 0 ? null : (double)successes / units;
                double? sd = units < 2 ? null : Math.Sqrt(rate!.Value * (1 - rate.Value) * units / (units - 1));
                return new VariantMetric(variant.Key, units, successes, rate, sd);
            }),
        ];
    }

    private async Task<Dictionary<string, List<(DateTimeOffset At, double? Value)>>> EventsAsync(Experiment experiment, MetricDefinition metric, IReadOnlyList<string> units, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<(DateTimeOffset At, double? Value)>>();
        if (metric.Source == MetricSources.Assistant)
        {
            var workspaces = units.Select(u => Guid.TryParse(u, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();
            foreach (var e in await assistant.EventsOfAsync(metric.EventName, workspaces, since, cancellationToken))
            {
                Add(result, e.WorkspaceId.ToString("D"), e.At, null);
            }

            return result;
        }

        // Both tables are this module's: one join instead of IN lists of unit ids.
        var rows = await (from e in db.Events.AsNoTracking()
                          join a in db.Assignments.AsNoTracking() on e.UnitId equals a.UnitId
                          where a.ExperimentId == experiment.Id && a.Version == experiment.Version && e.EventName == metric.EventName && e.OccurredAt >= since
                          select new { e.UnitId, e.OccurredAt, e.Value }).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            Add(result, row.UnitId, row.OccurredAt, row.Value);
        }

        return result;
    }

    private static void Add(Dictionary<string, List<(DateTimeOffset At, double? Value)>> events, string unit, DateTimeOffset at, double? value)
    {
        if (!events.TryGetValue(unit, out var list))
        {
            events[unit] = list = [];
        }

        list.Add((at, value));
    }
}
