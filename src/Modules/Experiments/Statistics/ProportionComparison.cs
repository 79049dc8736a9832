namespace CreatorOS.Modules.Experiments.Statistics;

/// <summary>A variant's rate against control's: the z-test and the 95 % (or chosen) intervals.</summary>
/// <param name="Difference">Variant rate minus control rate (absolute).</param>
/// <param name="DifferenceLow">Lower bound of the difference (unpooled Wald, as R's <c>prop.test(correct = FALSE)</c>).</param>
/// <param name="RelativeLift">Variant rate / control rate − 1; null when control's rate is 0.</param>
/// <param name="LiftLow">Lower bound of the relative lift (Katz log interval of the rate ratio); null when undefined.</param>
internal sealed record ProportionComparison(
    double ControlRate,
    double VariantRate,
    double Difference,
    double DifferenceLow,
    double DifferenceHigh,
    double? RelativeLift,
    double? LiftLow,
    double? LiftHigh,
    double Z,
    double PValue);
