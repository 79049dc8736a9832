using CreatorOS.Modules.Experiments.Dashboard;
using CreatorOS.Modules.Experiments.Metrics;

namespace CreatorOS.Modules.Experiments.Reports;

/// <summary>The results page's table, also its CSV export, and the chart of intervals against control.</summary>
internal static class ResultsTable
{
    public static PanelTable From(ExperimentReport report)
    {
        var conversion = report.Metric.Kind == MetricKind.Conversion;
        IReadOnlyList<string> columns = ["variant", "weight_pct", "assigned", "assigned_this_version", "exposed_this_version", "eligible_units", "with_event", conversion ? "rate_pct" : "mean",
            "difference_vs_control", "difference_ci_low", "difference_ci_high", "relative_lift_pct", "lift_ci_low_pct", "lift_ci_high_pct", "p_value", "significant", "better_than_control", "chance_to_beat_control_pct"];
        var rows = report.Variants.Select(v =>
        {
            var (difference, low, high, p) = v.Rate is { } r ? (r.Difference * 100, r.DifferenceLow * 100, r.DifferenceHigh * 100, r.PValue)
                : v.MeanDifference is { } m ? (m.Difference, m.Low, m.High, m.PValue) : (double.NaN, double.NaN, double.NaN, double.NaN);
            return (IReadOnlyList<string>)
            [
                v.Variant, Format.Int(v.Weight), Format.Int(v.Assigned), Format.Int(v.AssignedThisVersion), Format.Int(v.Exposed), Format.Int(v.Metric.Units), Format.Int(v.Metric.Successes),
                conversion ? Format.Pct(v.Metric.Mean) : Format.Num(v.Metric.Mean),
                Format.Num(difference, 3), Format.Num(low, 3), Format.Num(high, 3),
                Format.Pct(v.Rate?.RelativeLift), Format.Pct(v.Rate?.LiftLow), Format.Pct(v.Rate?.LiftHigh),
                Format.Num(p, 5), v.Rate is null && v.MeanDifference is null ? "" : v.Significant ? "yes" : "no",
                v.Better switch { true => "better", false => "worse", null => "" }, Format.Pct(v.ChanceToBeatControl),
            ];
        }).ToList();

        var others = report.Variants.Skip(1).ToList();
        var chart = Charts.Intervals(
            [.. others.Select(v => v.Variant)],
            [.. others.Select(v => v.Rate is { } r ? new[] { Math.Round(r.DifferenceLow * 100, 3), Math.Round(r.DifferenceHigh * 100, 3) }
                : v.MeanDifference is { } m ? new[] { Math.Round(m.Low, 3), Math.Round(m.High, 3) } : null)],
            $"{Level(report)} CI of the difference vs control{(conversion ? " (percentage points)" : "")}");
        return new PanelTable("results", $"{report.Metric.Name} by variant", columns, rows, chart, "No units assigned yet.");
    }

    /// <summary>E.g. "97.5 %" for two comparisons: the Bonferroni-corrected level of the intervals.</summary>
    public static string Level(ExperimentReport report) =>
        (report.Confidence * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " %";
}
