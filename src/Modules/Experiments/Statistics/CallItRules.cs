using MathNet.Numerics.Distributions;

namespace CreatorOS.Modules.Experiments.Statistics;

/// <summary>
/// When an experiment may be called. Peeking at a running test and stopping at the first p &lt; 0.05
/// inflates false positives several-fold, so a winner is declared only when all hold: no sample-ratio
/// mismatch, the minimum run time passed (a full weekly cycle), every variant reached the sample size
/// planned for the minimum detectable effect, and a variant beats control both on the test (with a
/// Bonferroni correction across the comparisons) and with a chance to beat control of at least
/// <see cref="Options.Confidence"/>. "Beats" follows the metric's direction: for a metric where lower
/// is better (time to first blog) the winner is the variant that is significantly lower.
/// </summary>
internal static class CallItRules
{
    internal sealed record Options(int MinimumDays = 7, double Alpha = 0.05, double Power = 0.8, double MinimumRelativeEffect = 0.5, double Confidence = 0.95, long MinimumUnits = 100);

    /// <summary>A rate metric: two-proportion z-test and Beta posteriors.</summary>
    public static CallItVerdict Decide(IReadOnlyList<VariantCounts> variants, IReadOnlyList<double> weights, double daysRunning, Options options, bool higherIsBetter = true)
    {
        var control = variants[0];
        var alpha = ComparisonAlpha(options, variants.Count);
        return Decide(
            [.. variants.Select(v => (v.Variant, v.Units, v.Units, v.Rate))],
            weights,
            daysRunning,
            options,
            higherIsBetter,
            RequiredUnits(control, options, alpha, higherIsBetter),
            i =>
            {
                var v = variants[i];
                var test = ProportionTest.Compare(control.Successes, control.Units, v.Successes, v.Units);
                return (test.PValue, test.Difference, BayesianComparison.ChanceToBeatControl(control.Successes, control.Units, v.Successes, v.Units));
            });
    }

    /// <summary>A mean metric (count, sum, time to first): Welch's test and the normal approximation of the difference.</summary>
    public static CallItVerdict DecideMeans(IReadOnlyList<VariantMeans> variants, IReadOnlyList<double> weights, double daysRunning, Options options, bool higherIsBetter)
    {
        var control = variants[0];
        var alpha = ComparisonAlpha(options, variants.Count);
        return Decide(
            [.. variants.Select(v => (v.Variant, v.Units, v.Observations, v.Mean))],
            weights,
            daysRunning,
            options,
            higherIsBetter,
            RequiredObservations(control, options, alpha),
            i =>
            {
                var v = variants[i];
                var test = MeanComparison.Compare(control.Mean, control.StdDev, control.Observations, v.Mean, v.StdDev, v.Observations);
                return (test.PValue, test.Difference, ChanceHigher(control, v));
            });
    }

    /// <summary>
    /// Bonferroni: each of the variants' comparisons with control is tested at α / comparisons, so
    /// the chance of any false winner stays at α however many treatments there are.
    /// </summary>
    public static double ComparisonAlpha(Options options, int variantCount) => options.Alpha / Math.Max(1, variantCount - 1);

    /// <summary>
    /// The per-variant sample planned from control's observed rate and the minimum detectable effect
    /// (a rise, or a fall where lower is better), at the corrected <paramref name="alpha"/> the
    /// comparisons are tested with (a plan at the uncorrected α would stop short of the power it promises).
    /// </summary>
    public static long RequiredUnits(VariantCounts control, Options options, double alpha, bool higherIsBetter = true)
    {
        var baseline = control.Rate;
        var target = baseline * (higherIsBetter ? 1 + options.MinimumRelativeEffect : 1 - options.MinimumRelativeEffect);
        if (baseline <= 0 || baseline >= 1 || target <= 0 || target >= 1)
        {
            return options.MinimumUnits;
        }

        return Math.Max(options.MinimumUnits, SampleSize.PerVariant(baseline, target, alpha, options.Power));
    }

    /// <summary>Observations per variant to detect a change of the minimum relative effect in control's mean, with control's spread: n = 2σ²(z₁₋α/₂ + z₁₋β)² / δ².</summary>
    public static long RequiredObservations(VariantMeans control, Options options, double alpha)
    {
        var delta = Math.Abs(control.Mean) * options.MinimumRelativeEffect;
        if (delta == 0 || control.StdDev <= 0)
        {
            return options.MinimumUnits;
        }

        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2)) + Normal.InvCDF(0, 1, options.Power);
        return Math.Max(options.MinimumUnits, (long)Math.Ceiling(2 * control.StdDev * control.StdDev * z * z / (delta * delta)));
    }

    /// <summary>Chance that the variant's true mean is above control's (flat priors, normal approximation).</summary>
    public static double ChanceHigher(VariantMeans control, VariantMeans variant)
    {
        var se = Math.Sqrt((control.StdDev * control.StdDev / control.Observations) + (variant.StdDev * variant.StdDev / variant.Observations));
        var difference = variant.Mean - control.Mean;
        return se == 0 ? (difference > 0 ? 1 : difference < 0 ? 0 : 0.5) : Normal.CDF(0, 1, difference / se);
    }

    private static CallItVerdict Decide(
        IReadOnlyList<(string Variant, long Units, long Observations, double Value)> variants,
        IReadOnlyList<double> weights,
        double daysRunning,
        Options options,
        bool higherIsBetter,
        long required,
        Func<int, (double PValue, double Difference, double ChanceHigher)> compare)
    {
        var reasons = new List<string>();
        var srm = SampleRatioCheck.Test([.. variants.Select(v => v.Units)], weights);
        if (srm.Mismatch)
        {
            return new(CallItVerdict.Invalid, null, [$"Sample ratio mismatch: the split differs from the weights (χ² = {srm.ChiSquare:F1}, p = {srm.PValue:G3} < 0.001). Fix assignment or logging; these results cannot be trusted."]);
        }

        if (daysRunning < options.MinimumDays)
        {
            reasons.Add($"Ran {daysRunning:F1} of at least {options.MinimumDays} days.");
        }

        foreach (var variant in variants.Where(v => v.Observations < required))
        {
            reasons.Add($"'{variant.Variant}' has {variant.Observations:N0} of the {required:N0} units needed.");
        }

        if (reasons.Count > 0)
        {
            return new(CallItVerdict.KeepRunning, null, reasons);
        }

        var alpha = ComparisonAlpha(options, variants.Count);
        var direction = higherIsBetter ? "higher" : "lower";
        var candidates = new List<(string Variant, double Value)>();
        for (var i = 1; i < variants.Count; i++)
        {
            var variant = variants[i];
            var (p, difference, chanceHigher) = compare(i);
            var better = higherIsBetter ? difference > 0 : difference < 0;
            var chance = higherIsBetter ? chanceHigher : 1 - chanceHigher;
            if (p < alpha && better && chance >= options.Confidence)
            {
                candidates.Add((variant.Variant, variant.Value));
                reasons.Add($"'{variant.Variant}' beats control ({direction} is better): p = {p:G3} (< {alpha:G3}), chance to beat control {chance:P1}.");
            }
            else
            {
                reasons.Add($"'{variant.Variant}' does not beat control ({direction} is better): p = {p:G3}, chance to beat control {chance:P1}.");
            }
        }

        if (candidates.Count == 0)
        {
            return new(CallItVerdict.NoWinner, null, reasons);
        }

        var best = higherIsBetter ? candidates.MaxBy(c => c.Value) : candidates.MinBy(c => c.Value);
        return new(CallItVerdict.WinnerFound, best.Variant, reasons);
    }
}
