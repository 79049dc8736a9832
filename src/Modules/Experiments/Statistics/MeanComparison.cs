using MathNet.Numerics.Distributions;

namespace CreatorOS.Modules.Experiments.Statistics;

/// <summary>
/// Welch's comparison of two means with the normal approximation (the samples of an experiment are
/// large): difference, its interval and a two-sided p-value.
/// </summary>
internal static class MeanComparison
{
    public static (double Difference, double Low, double High, double PValue) Compare(double controlMean, double controlSd, long controlN, double variantMean, double variantSd, long variantN, double confidence = 0.95)
    {
        var se = Math.Sqrt((controlSd * controlSd / controlN) + (variantSd * variantSd / variantN));
        var difference = variantMean - controlMean;
        if (se == 0)
        {
            return (difference, difference, difference, difference == 0 ? 1 : 0);
        }

        var critical = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var p = 2 * (1 - Normal.CDF(0, 1, Math.Abs(difference / se)));
        return (difference, difference - (critical * se), difference + (critical * se), p);
    }
}
