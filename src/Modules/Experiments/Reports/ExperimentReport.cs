using CreatorOS.Modules.Experiments.Definitions;
using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.Modules.Experiments.Statistics;

namespace CreatorOS.Modules.Experiments.Reports;

/// <summary>Everything the results page shows for one experiment and one metric.</summary>
internal sealed record ExperimentReport(
    Experiment Experiment,
    MetricDefinition Metric,
    IReadOnlyList<VariantResult> Variants,
    double SrmChiSquare,
    double SrmPValue,
    bool SampleRatioMismatch,
    double DaysRunning,
    CallItVerdict? Verdict,
    double ComparisonAlpha)
{
    /// <summary>The level of the intervals shown, e.g. 0.975 for two comparisons at α = 0.05.</summary>
    public double Confidence => 1 - ComparisonAlpha;
}
