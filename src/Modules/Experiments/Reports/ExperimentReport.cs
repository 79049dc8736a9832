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
    CallItVerdict? Verdict);
