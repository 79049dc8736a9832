namespace CreatorOS.Modules.Experiments.Statistics;

/// <summary>
/// When an experiment may be called. Peeking at a running test and stopping at the first p &lt; 0.05
/// inflates false positives several-fold, so a winner is declared only when all hold: no sample-ratio
/// mismatch, the minimum run time passed (a full weekly cycle), every variant reached the sample size
/// planned for the minimum detectable effect, and a variant beats control both on the z-test (with a
/// Bonferroni correction across the comparisons) and with a Bayesian chance to beat control of at
/// least <see cref="Options.Confidence"/>.
/// </summary>
internal static class CallItRules
{
    internal sealed record Options(int MinimumDays = 7, double Alpha = 0.05, double Power = 0.8, double MinimumRelativeEffect = 0.5, double Confidence = 0.95, long MinimumUnits = 100);

    public static CallItVerdict Decide(IReadOnlyList<VariantCounts> variants, IReadOnlyList<double> weights, double daysRunning, Options options)
    {
        var reasons = new List<string>();
        var srm = SampleRatioCheck.Test([.. variants.Select(v => v.Units)], weights);
        if (srm.Mismatch)
        {
            return new(CallItVerdict.Invalid, null, [$"Sample ratio mismatch: the split differs from the weights (χ² = {srm.ChiSquare:F1}, p = {srm.PValue:G3} < 0.001). Fix assignment or logging; these results cannot be trusted."]);
        }

        var control = variants[0];
        var alpha = ComparisonAlpha(options, variants.Count);
        var required = RequiredUnits(control, options, alpha);
        if (daysRunning < options.MinimumDays)
        {
            reasons.Add($"Ran {daysRunning:F1} of at least {options.MinimumDays} days.");
        }

        foreach (var variant in variants.Where(v => v.Units < required))
        {
            reasons.Add($"'{variant.Variant}' has {variant.Units:N0} of the {required:N0} units needed.");
        }

        if (reasons.Count > 0)
        {
            return new(CallItVerdict.KeepRunning, null, reasons);
        }

        var candidates = new List<VariantCounts>();
        foreach (var variant in variants.Skip(1))
        {
            var test = ProportionTest.Compare(control.Successes, control.Units, variant.Successes, variant.Units);
            var chance = BayesianComparison.ChanceToBeatControl(control.Successes, control.Units, variant.Successes, variant.Units);
            if (test.PValue < alpha && test.Difference > 0 && chance >= options.Confidence)
            {
                candidates.Add(variant);
                reasons.Add($"'{variant.Variant}' beats control: p = {test.PValue:G3} (< {alpha:G3}), chance to beat control {chance:P1}.");
            }
            else
            {
                reasons.Add($"'{variant.Variant}' does not beat control: p = {test.PValue:G3}, chance to beat control {chance:P1}.");
            }
        }

        if (candidates.Count == 0)
        {
            return new(CallItVerdict.NoWinner, null, reasons);
        }

        var best = candidates.MaxBy(v => v.Rate)!;
        return new(CallItVerdict.WinnerFound, best.Variant, reasons);
    }

    /// <summary>
    /// Bonferroni: each of the variants' comparisons with control is tested at α / comparisons, so
    /// the chance of any false winner stays at α however many treatments there are.
    /// </summary>
    public static double ComparisonAlpha(Options options, int variantCount) => options.Alpha / Math.Max(1, variantCount - 1);

    /// <summary>
    /// The per-variant sample planned from control's observed rate and the minimum detectable effect,
    /// at the corrected <paramref name="alpha"/> the comparisons are tested with (a plan at the
    /// uncorrected α would stop short of the power it promises).
    /// </summary>
    public static long RequiredUnits(VariantCounts control, Options options, double alpha)
    {
        var baseline = control.Rate;
        var target = baseline * (1 + options.MinimumRelativeEffect);
        if (baseline <= 0 || target >= 1)
        {
            return options.MinimumUnits;
        }

        return Math.Max(options.MinimumUnits, SampleSize.PerVariant(baseline, target, alpha, options.Power));
    }
}
