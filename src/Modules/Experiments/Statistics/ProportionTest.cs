using MathNet.Numerics.Distributions;

namespace CreatorOS.Modules.Experiments.Statistics;

/// <summary>
/// Two-proportion z-test exactly as the spec's <c>calculateSignificance</c> (pooled standard error,
/// two-sided); z² equals R's <c>prop.test(correct = FALSE)</c> X-squared, so the p-values agree.
/// </summary>
internal static class ProportionTest
{
    public static ProportionComparison Compare(long controlSuccesses, long controlTotal, long variantSuccesses, long variantTotal, double confidence = 0.95)
    {
        Check(controlSuccesses, controlTotal);
        Check(variantSuccesses, variantTotal);
        double n1 = controlTotal, n2 = variantTotal;
        var p1 = controlSuccesses / n1;
        var p2 = variantSuccesses / n2;
        var pooled = (controlSuccesses + variantSuccesses) / (n1 + n2);
        var pooledSe = Math.Sqrt(pooled * (1 - pooled) * ((1 / n1) + (1 / n2)));
        var difference = p2 - p1;
        var z = pooledSe == 0 ? 0 : difference / pooledSe;
        var p = 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));

        var critical = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var se = Math.Sqrt((p1 * (1 - p1) / n1) + (p2 * (1 - p2) / n2));

        double? lift = null, liftLow = null, liftHigh = null;
        if (controlSuccesses > 0)
        {
            lift = (p2 / p1) - 1;
            if (variantSuccesses > 0)
            {
                var logSe = Math.Sqrt((1.0 / variantSuccesses) - (1 / n2) + (1.0 / controlSuccesses) - (1 / n1));
                var logRatio = Math.Log(p2 / p1);
                liftLow = Math.Exp(logRatio - (critical * logSe)) - 1;
                liftHigh = Math.Exp(logRatio + (critical * logSe)) - 1;
            }
        }

        return new(p1, p2, difference, difference - (critical * se), difference + (critical * se), lift, liftLow, liftHigh, z, p);
    }

    private static void Check(long successes, long total)
    {
        if (total <= 0 || successes < 0 || successes > total)
        {
            throw new ArgumentOutOfRangeException(nameof(total), $"Need 0 ≤ successes ≤ total and total > 0 (got {successes} of {total}).");
        }
    }
}
