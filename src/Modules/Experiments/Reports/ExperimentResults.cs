using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.Modules.Experiments.Statistics;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Experiments.Reports;

/// <summary>
/// Live results: assignments and exposures per variant, the metric per variant with its comparison
/// to control (z-test, interval, chance to beat control for rates; Welch for means), the
/// sample-ratio check and the call-it verdict for conversion metrics. Everything but the
/// all-versions assignment count is about the current version's units: they followed its weights
/// and arrived over the same period, so the run time of the verdict is counted from that version.
/// </summary>
internal sealed class ExperimentResults(ExperimentsDbContext db, MetricCalculator metrics, TimeProvider clock)
{
    public async Task<ExperimentReport?> ReportAsync(string key, string? metricKey, CancellationToken cancellationToken)
    {
        var experiment = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Key == key, cancellationToken);
        if (experiment is null)
        {
            return null;
        }

        var metric = await db.Metrics.AsNoTracking().SingleOrDefaultAsync(m => m.Key == (metricKey ?? experiment.PrimaryMetric), cancellationToken)
            ?? await db.Metrics.AsNoTracking().SingleAsync(m => m.Key == experiment.PrimaryMetric, cancellationToken);
        var variants = experiment.VariantList();
        var assigned = await db.Assignments.AsNoTracking().Where(a => a.ExperimentId == experiment.Id)
            .GroupBy(a => new { a.Variant, Current = a.Version == experiment.Version })
            .Select(g => new { g.Key.Variant, g.Key.Current, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var exposed = await (from x in db.Exposures.AsNoTracking()
                             join a in db.Assignments.AsNoTracking() on new { x.ExperimentId, x.UnitId } equals new { a.ExperimentId, a.UnitId }
                             where x.ExperimentId == experiment.Id && a.Version == experiment.Version
                             group x by x.Variant into g
                             select new { Variant = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var versionFrom = await db.Versions.AsNoTracking()
            .Where(v => v.ExperimentId == experiment.Id && v.Version == experiment.Version)
            .Select(v => (DateTimeOffset?)v.CreatedAt)
            .SingleOrDefaultAsync(cancellationToken);
        var values = await metrics.ComputeAsync(experiment, metric, cancellationToken);

        // Bonferroni across the comparisons with control: the intervals and the significance shown
        // use the same corrected level as the verdict, so the page never calls significant what the
        // verdict does not.
        var options = new CallItRules.Options();
        var alpha = CallItRules.ComparisonAlpha(options, variants.Count);
        var confidence = 1 - alpha;
        var control = values[0];
        var rows = variants.Select((variant, i) =>
        {
            var value = values[i];
            ProportionComparison? rate = null;
            double? chance = null;
            (double Difference, double Low, double High, double PValue)? mean = null;
            if (i > 0 && control.Units > 0 && value.Units > 0)
            {
                if (metric.Kind == MetricKind.Conversion)
                {
                    rate = ProportionTest.Compare(control.Successes, control.Units, value.Successes, value.Units, confidence);
                    chance = BayesianComparison.ChanceToBeatControl(control.Successes, control.Units, value.Successes, value.Units);
                }
                else if (control is { Mean: { } cm, StdDev: { } cs } && value is { Mean: { } vm, StdDev: { } vs })
                {
                    var countControl = metric.Kind == MetricKind.TimeToFirst ? control.Successes : control.Units;
                    var countVariant = metric.Kind == MetricKind.TimeToFirst ? value.Successes : value.Units;
                    mean = MeanComparison.Compare(cm, cs, countControl, vm, vs, countVariant, confidence);
                }
            }

            return new VariantResult(
                variant.Key,
                variant.Weight,
                assigned.Where(a => a.Variant == variant.Key).Sum(a => a.Count),
                assigned.Where(a => a.Variant == variant.Key && a.Current).Sum(a => a.Count),
                exposed.Where(x => x.Variant == variant.Key).Sum(x => x.Count),
                value,
                rate,
                chance,
                mean,
                rate?.PValue < alpha || mean?.PValue < alpha);
        }).ToList();

        var srm = SampleRatioCheck.Test([.. rows.Select(r => r.AssignedThisVersion)], [.. variants.Select(v => (double)v.Weight)]);
        var days = experiment.StartedAt is { } started ? (clock.GetUtcNow() - Later(started, versionFrom)).TotalDays : 0;
        CallItVerdict? verdict = null;
        if (metric.Kind == MetricKind.Conversion && rows.All(r => r.Metric.Units > 0))
        {
            verdict = CallItRules.Decide(
                [.. rows.Select(r => new VariantCounts(r.Variant, r.Metric.Units, r.Metric.Successes))],
                [.. rows.Select(r => (double)r.Weight)],
                days,
                options);
        }

        return new ExperimentReport(experiment, metric, rows, srm.ChiSquare, srm.PValue, srm.Mismatch, days, verdict, alpha);
    }

    private static DateTimeOffset Later(DateTimeOffset started, DateTimeOffset? versionFrom) =>
        versionFrom is { } from && from > started ? from : started;
}
