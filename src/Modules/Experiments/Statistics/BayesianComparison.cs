using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace CreatorOS.Modules.Experiments.Statistics;

/// <summary>
/// Chance that the variant's true rate beats control's, with uniform Beta(1, 1) priors, so the
/// posteriors are Beta(1 + successes, 1 + failures). Exact closed form (Evan Miller's sum over the
/// variant's alpha) while it is short; the normal approximation of the two posteriors beyond that,
/// where the two agree to well under 0.1 %.
/// </summary>
internal static class BayesianComparison
{
    private const long ExactLimit = 20_000;

    public static double ChanceToBeatControl(long controlSuccesses, long controlTotal, long variantSuccesses, long variantTotal)
    {
        double alphaA = 1 + controlSuccesses, betaA = 1 + controlTotal - controlSuccesses;
        double alphaB = 1 + variantSuccesses, betaB = 1 + variantTotal - variantSuccesses;
        if (alphaB <= ExactLimit)
        {
            var total = 0.0;
            var constant = SpecialFunctions.BetaLn(alphaA, betaA);
            for (var i = 0; i < alphaB; i++)
            {
                total += Math.Exp(SpecialFunctions.BetaLn(alphaA + i, betaA + betaB) - Math.Log(betaB + i) - SpecialFunctions.BetaLn(1 + i, betaB) - constant);
            }

            return Math.Clamp(total, 0, 1);
        }

        var meanA = alphaA / (alphaA + betaA);
        var meanB = alphaB / (alphaB + betaB);
        var varA = alphaA * betaA / ((alphaA + betaA) * (alphaA + betaA) * (alphaA + betaA + 1));
        var varB = alphaB * betaB / ((alphaB + betaB) * (alphaB + betaB) * (alphaB + betaB + 1));
        return Normal.CDF(0, 1, (meanB - meanA) / Math.Sqrt(varA + varB));
    }
}
