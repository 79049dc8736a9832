using CreatorOS.Modules.Experiments.Statistics;

namespace CreatorOS.UnitTests.Experiments;

/// <summary>
/// Reference values from SciPy 1.10 (Debian python3-scipy): <c>chi2_contingency(correction=False)</c>,
/// which is R's <c>prop.test(correct = FALSE)</c>; <c>contingency.relative_risk(...).confidence_interval()</c>
/// (Katz log interval); <c>integrate.quad</c> of Beta posteriors; <c>stats.chisquare</c>. The script that
/// produced them is in the README's Experiments section.
/// </summary>
public sealed class StatisticsReferenceTests
{
    [Theory]
    [InlineData(120, 1000, 150, 1000, 3.8535645472, 0.0496403868654, 0.0000760288, 0.0599239712, 0.9996733278, 1.5630105922)]
    [InlineData(88, 1000, 132, 1000, 9.8876404494, 0.00166392593948, 0.0166423849, 0.0713576151, 1.1622676863, 1.9358707349)]
    [InlineData(45, 500, 60, 520, 1.7787065394, 0.182308236194, -0.0118077552, 0.0625769859, 0.8886647725, 1.8495787621)]
    public void Z_test_and_intervals_match_prop_test_and_scipy(long s1, long n1, long s2, long n2, double chiSquare, double pValue, double diffLow, double diffHigh, double ratioLow, double ratioHigh)
    {
        var result = ProportionTest.Compare(s1, n1, s2, n2);

        (result.Z * result.Z).ShouldBe(chiSquare, 1e-8);
        result.PValue.ShouldBe(pValue, 1e-9);
        result.DifferenceLow.ShouldBe(diffLow, 1e-8);
        result.DifferenceHigh.ShouldBe(diffHigh, 1e-8);
        result.LiftLow!.Value.ShouldBe(ratioLow - 1, 1e-8);
        result.LiftHigh!.Value.ShouldBe(ratioHigh - 1, 1e-8);
    }

    [Theory]
    [InlineData(120, 1000, 150, 1000, 0.9750678368)]
    [InlineData(88, 1000, 132, 1000, 0.9991736605)]
    [InlineData(45, 500, 60, 520, 0.9078102231)]
    public void Chance_to_beat_control_matches_numerical_integration(long s1, long n1, long s2, long n2, double expected) =>
        BayesianComparison.ChanceToBeatControl(s1, n1, s2, n2).ShouldBe(expected, 1e-7);

    [Fact]
    public void Chance_to_beat_control_uses_the_normal_approximation_for_large_counts_and_stays_close()
    {
        // Beyond the exact sum's limit; SciPy integration gives 0.9011493132.
        var approx = BayesianComparison.ChanceToBeatControl(30_000, 300_000, 30_300, 300_000);
        approx.ShouldBe(0.9011493132, 0.001);
    }

    [Fact]
    public void The_specs_sample_size_claim_is_793_per_variant()
    {
        // Spec: 8.8 % → 13.2 %, 95 % confidence, 80 % power, "~800 per variant". Exactly 792.63 → 793
        // (the closed form of R's power.prop.test; SciPy gives the same 792.627196).
        SampleSize.PerVariantExact(0.088, 0.132).ShouldBe(792.627196, 1e-5);
        SampleSize.PerVariant(0.088, 0.132).ShouldBe(793);
    }

    [Theory]
    [InlineData(new long[] { 3050, 2950, 4000 }, new double[] { 30, 30, 40 }, 1.6666666667, 0.4345982085)]
    [InlineData(new long[] { 1000, 1100, 1900 }, new double[] { 30, 30, 40 }, 97.9166666667, 5.465954222604539e-22)]
    public void Sample_ratio_check_matches_scipy_chisquare(long[] observed, double[] weights, double chiSquare, double pValue)
    {
        var (chi, p, _) = SampleRatioCheck.Test(observed, weights);
        chi.ShouldBe(chiSquare, 1e-8);
        p.ShouldBe(pValue, Math.Max(1e-12, pValue * 1e-6));
    }

    [Fact]
    public void A_split_far_from_the_weights_is_flagged_as_a_mismatch()
    {
        SampleRatioCheck.Test([3300, 2700, 4000], [30, 30, 40]).Mismatch.ShouldBeTrue();
        SampleRatioCheck.Test([3050, 2950, 4000], [30, 30, 40]).Mismatch.ShouldBeFalse();
    }

    [Fact]
    public void Bad_counts_are_refused_with_a_clear_error()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ProportionTest.Compare(5, 0, 1, 10)).Message.ShouldContain("total > 0");
        Should.Throw<ArgumentOutOfRangeException>(() => ProportionTest.Compare(11, 10, 1, 10));
        Should.Throw<ArgumentOutOfRangeException>(() => SampleSize.PerVariant(0.1, 0.1));
    }
}
