using MathNet.Numerics.Distributions;

namespace CreatorOS.Modules.Experiments.Statistics;

/// <summary>
/// Units needed per variant to detect a change from <c>baseline</c> to <c>target</c> with a two-sided
/// test: n = (z₁₋α/₂·√(2·p̄q̄) + z₁₋β·√(p₁q₁ + p₂q₂))² / (p₂ − p₁)², the closed form of R's
/// <c>power.prop.test</c> (which solves the same equation numerically), rounded up.
/// </summary>
internal static class SampleSize
{
    public static double PerVariantExact(double baseline, double target, double alpha = 0.05, double power = 0.8)
    {
        if (baseline is <= 0 or >= 1 || target is <= 0 or >= 1 || baseline == target)
        {
            throw new ArgumentOutOfRangeException(nameof(target), "Baseline and target are rates strictly between 0 and 1, and differ.");
        }

        if (alpha is <= 0 or >= 1 || power is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(power), "Alpha and power are strictly between 0 and 1.");
        }

        var zAlpha = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var zBeta = Normal.InvCDF(0, 1, power);
        var mean = (baseline + target) / 2;
        var numerator = (zAlpha * Math.Sqrt(2 * mean * (1 - mean))) + (zBeta * Math.Sqrt((baseline * (1 - baseline)) + (target * (1 - target))));
        return numerator * numerator / ((target - baseline) * (target - baseline));
    }

    public static long PerVariant(double baseline, double target, double alpha = 0.05, double power = 0.8) =>
        (long)Math.Ceiling(PerVariantExact(baseline, target, alpha, power));
}
