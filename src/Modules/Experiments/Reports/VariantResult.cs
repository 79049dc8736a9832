using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.Modules.Experiments.Statistics;

namespace CreatorOS.Modules.Experiments.Reports;

/// <summary>
/// A variant's row on the results page: traffic, the metric, and the comparison with control, whose
/// intervals and <see cref="Significant"/> are at the Bonferroni-corrected level of <see cref="ExperimentReport.ComparisonAlpha"/>.
/// <see cref="ChanceToBeatControl"/> and <see cref="Better"/> follow the metric's direction (lower is
/// better for time to first blog): Better is true or false only for a significant difference.
/// </summary>
internal sealed record VariantResult(
    string Variant,
    int Weight,
    long Assigned,
    long AssignedThisVersion,
    long Exposed,
    VariantMetric Metric,
    ProportionComparison? Rate,
    double? ChanceToBeatControl,
    (double Difference, double Low, double High, double PValue)? MeanDifference,
    bool Significant,
    bool? Better);
