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
        var higherIsBetter = metric.HigherIsBetter;
        var means = values.Select(v => Means(metric, v)).ToList();
        var rows = variants.Select((variant, i) =>
        {
            var value = values[i];
            ProportionComparison? rate = null;
            double? chanceHigher = null;
            (double Difference, double Low, double High, double PValue)? mean = null;
            if (i > 0 && control.Units > 0 && value.Units > 0)
            {
                if (metric.Kind == MetricKind.Conversion)
                {
                    rate = ProportionTest.Compare(control.Successes, control.Units, value.Successes, value.Units, confidence);
                    chanceHigher = BayesianComparison.ChanceToBeatControl(control.Successes, control.Units, value.Successes, value.Units);
                }
                else if (means[0] is { } cm && means[i] is { } vm)
                {
                    mean = MeanComparison.Compare(cm.Mean, cm.StdDev, cm.Observations, vm.Mean, vm.StdDev, vm.Observations, confidence);
                    chanceHigher = CallItRules.ChanceHigher(cm, vm);
                }
            }

            var difference = rate?.Difference ?? mean?.Difference;
            var significant = rate?.PValue < alpha || mean?.PValue < alpha;
            return new VariantResult(
                variant.Key,
                variant.Weight,
                assigned.Where(a => a.Variant == variant.Key).Sum(a => a.Count),
                assigned.Where(a => a.Variant == variant.Key && a.Current).Sum(a => a.Count),
                exposed.Where(x => x.Variant == variant.Key).Sum(x => x.Count),
                value,
                rate,
                higherIsBetter ? chanceHigher : 1 - chanceHigher,
                mean,
                significant,
                difference is { } d && significant ? (higherIsBetter ? d > 0 : d < 0) : null);
        }).ToList();

        var srm = SampleRatioCheck.Test([.. rows.Select(r => r.AssignedThisVersion)], [.. variants.Select(v => (double)v.Weight)]);
        var days = experiment.StartedAt is { } started ? (clock.GetUtcNow() - Later(started, versionFrom)).TotalDays : 0;
        var weights = rows.Select(r => (double)r.Weight).ToList();
        CallItVerdict? verdict = null;
        if (metric.Kind == MetricKind.Conversion && rows.All(r => r.Metric.Units > 0))
        {
            verdict = CallItRules.Decide([.. rows.Select(r => new VariantCounts(r.Variant, r.Metric.Units, r.Metric.Successes))], weights, days, options, higherIsBetter);
        }
        else if (metric.Kind != MetricKind.Conversion && means.All(m => m is not null))
        {
            verdict = CallItRules.DecideMeans([.. means.Select(m => m!)], weights, days, options, higherIsBetter);
        }

        return new ExperimentReport(experiment, metric, rows, srm.ChiSquare, srm.PValue, srm.Mismatch, days, verdict, alpha);
    }

    /// <summary>A mean metric's value over its observations (time to first: only the units that had the event), when it has a spread.</summary>
    private static VariantMeans? Means(MetricDefinition metric, VariantMetric value)
    {
        var observations = metric.Kind == MetricKind.TimeToFirst ? value.Successes : value.Units;
        return metric.Kind != MetricKind.Conversion && value is { Mean: { } mean, StdDev: { } sd } && observations > 1
            ? new VariantMeans(value.Variant, value.Units, observations, mean, sd)
            : null;
    }

    private static DateTimeOffset Later(DateTimeOffset started, DateTimeOffset? versionFrom) =>
        versionFrom is { } from && from > started ? from : started;
}
