using MathNet.Numerics.Distributions;

namespace CreatorOS.Modules.Experiments.Statistics;

/// <summary>
/// Sample-ratio mismatch: a chi-square goodness-of-fit test of the observed counts per variant
/// against the configured weights (as <c>scipy.stats.chisquare</c>). p &lt; 0.001 means the split
/// is broken (a bug in assignment or logging), and no result of the experiment can be trusted.
/// </summary>
internal static class SampleRatioCheck
{
    public const double WarnBelow = 0.001;

    public static (double ChiSquare, double PValue, bool Mismatch) Test(IReadOnlyList<long> observed, IReadOnlyList<double> weights)
    {
        if (observed.Count != weights.Count || observed.Count < 2)
        {
            throw new ArgumentException("Need one observed count per weight, and at least two.", nameof(observed));
        }

        var total = observed.Sum();
        var weightTotal = weights.Sum();
        if (total == 0 || weightTotal <= 0)
        {
            return (0, 1, false);
        }

        var chi = 0.0;
        var cells = 0;
        for (var i = 0; i < observed.Count; i++)
        {
            var expected = total * weights[i] / weightTotal;
            if (expected > 0)
            {
                chi += (observed[i] - expected) * (observed[i] - expected) / expected;
                cells++;
            }
            else if (observed[i] > 0)
            {
                return (double.PositiveInfinity, 0, true);
            }
        }

        var p = cells < 2 ? 1 : 1 - ChiSquared.CDF(cells - 1, chi);
        return (chi, p, p < WarnBelow);
    }
}
