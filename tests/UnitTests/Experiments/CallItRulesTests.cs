using CreatorOS.Modules.Experiments.Statistics;

namespace CreatorOS.UnitTests.Experiments;

public sealed class CallItRulesTests
{
    private static readonly double[] Weights = [30, 30, 40];
    private static readonly CallItRules.Options Defaults = new();

    [Fact]
    public void A_big_early_lift_is_not_called_before_the_minimum_run_time()
    {
        VariantCounts[] counts = [new("control", 900, 80), new("scorecard", 900, 85), new("avery", 1200, 200)];

        var verdict = CallItRules.Decide(counts, Weights, daysRunning: 3, Defaults);

        verdict.Status.ShouldBe(CallItVerdict.KeepRunning);
        verdict.Reasons.ShouldContain(r => r.Contains("3.0 of at least 7 days"));
    }

    [Fact]
    public void A_significant_lift_is_not_called_before_every_variant_reaches_the_planned_sample()
    {
        VariantCounts[] counts = [new("control", 300, 26), new("scorecard", 300, 27), new("avery", 400, 60)];

        var verdict = CallItRules.Decide(counts, Weights, daysRunning: 30, Defaults);

        verdict.Status.ShouldBe(CallItVerdict.KeepRunning);
        verdict.Reasons.ShouldContain(r => r.Contains("'control' has 300 of the"));
    }

    [Fact]
    public void A_winner_is_called_when_sample_time_and_both_tests_agree()
    {
        VariantCounts[] counts = [new("control", 2400, 211), new("scorecard", 2400, 220), new("avery", 3200, 420)];

        var verdict = CallItRules.Decide(counts, Weights, daysRunning: 42, Defaults);

        verdict.Status.ShouldBe(CallItVerdict.WinnerFound);
        verdict.Winner.ShouldBe("avery");
    }

    [Fact]
    public void No_winner_when_the_sample_is_reached_without_a_difference()
    {
        VariantCounts[] counts = [new("control", 2400, 211), new("scorecard", 2400, 215), new("avery", 3200, 285)];

        CallItRules.Decide(counts, Weights, daysRunning: 42, Defaults).Status.ShouldBe(CallItVerdict.NoWinner);
    }

    [Fact]
    public void A_sample_ratio_mismatch_invalidates_the_results()
    {
        VariantCounts[] counts = [new("control", 3300, 300), new("scorecard", 2700, 240), new("avery", 4000, 600)];

        var verdict = CallItRules.Decide(counts, Weights, daysRunning: 42, Defaults);

        verdict.Status.ShouldBe(CallItVerdict.Invalid);
        verdict.Reasons.Single().ShouldContain("Sample ratio mismatch");
    }

    [Fact]
    public void The_planned_sample_uses_the_bonferroni_corrected_alpha_of_the_comparisons()
    {
        var control = new VariantCounts("control", 1000, 88);

        var twoVariants = CallItRules.RequiredUnits(control, Defaults, CallItRules.ComparisonAlpha(Defaults, 2));
        var threeVariants = CallItRules.RequiredUnits(control, Defaults, CallItRules.ComparisonAlpha(Defaults, 3));

        CallItRules.ComparisonAlpha(Defaults, 3).ShouldBe(0.025);
        twoVariants.ShouldBe(793);
        threeVariants.ShouldBe(SampleSize.PerVariant(0.088, 0.132, alpha: 0.025));
        threeVariants.ShouldBeInRange(950, 970);
    }

    [Fact]
    public void With_two_treatments_a_lift_significant_only_before_correction_is_not_called()
    {
        // avery vs control: p ≈ 0.03, below 0.05 but above the corrected 0.025.
        VariantCounts[] counts = [new("control", 1200, 106), new("scorecard", 1200, 106), new("avery", 1600, 180)];
        var test = ProportionTest.Compare(106, 1200, 180, 1600);
        test.PValue.ShouldBeInRange(0.025, 0.05);

        var verdict = CallItRules.Decide(counts, Weights, daysRunning: 42, Defaults);

        verdict.Status.ShouldBe(CallItVerdict.NoWinner);
        verdict.Reasons.ShouldContain(r => r.Contains("'avery' does not beat control"));
    }

    [Fact]
    public void A_planned_sample_reached_only_at_the_uncorrected_alpha_keeps_the_test_running()
    {
        // 850 per variant passes the single-comparison plan (793) but not the corrected one (about 960).
        VariantCounts[] counts = [new("control", 850, 75), new("scorecard", 850, 76), new("avery", 1133, 170)];

        var verdict = CallItRules.Decide(counts, Weights, daysRunning: 42, Defaults);

        verdict.Status.ShouldBe(CallItVerdict.KeepRunning);
        verdict.Reasons.ShouldContain(r => r.Contains("'control' has 850 of the"));
    }

    [Fact]
    public void Where_lower_is_better_a_significantly_lower_rate_wins_and_a_higher_one_does_not()
    {
        // An error rate: avery halves it, scorecard raises it.
        VariantCounts[] counts = [new("control", 2400, 420), new("scorecard", 2400, 520), new("avery", 3200, 280)];

        var lower = CallItRules.Decide(counts, Weights, daysRunning: 42, Defaults, higherIsBetter: false);
        var higher = CallItRules.Decide(counts, Weights, daysRunning: 42, Defaults, higherIsBetter: true);

        lower.Status.ShouldBe(CallItVerdict.WinnerFound);
        lower.Winner.ShouldBe("avery");
        lower.Reasons.ShouldContain(r => r.Contains("'scorecard' does not beat control (lower is better)"));
        higher.Winner.ShouldBe("scorecard");
    }

    [Fact]
    public void Where_lower_is_better_a_faster_time_to_first_blog_wins()
    {
        // Minutes to the first blog: avery is much faster, scorecard a little (not significantly) slower.
        VariantMeans[] means = [new("control", 900, 600, 240, 120), new("scorecard", 900, 600, 250, 120), new("avery", 1200, 800, 60, 40)];

        var verdict = CallItRules.DecideMeans(means, Weights, daysRunning: 42, Defaults, higherIsBetter: false);

        verdict.Status.ShouldBe(CallItVerdict.WinnerFound);
        verdict.Winner.ShouldBe("avery");
        CallItRules.DecideMeans(means, Weights, daysRunning: 42, Defaults, higherIsBetter: true).Status.ShouldBe(CallItVerdict.NoWinner);
    }

    [Fact]
    public void A_mean_metric_is_not_called_early_or_short_of_its_planned_sample()
    {
        VariantMeans[] means = [new("control", 90, 60, 240, 120), new("scorecard", 90, 60, 260, 120), new("avery", 120, 80, 60, 40)];

        var verdict = CallItRules.DecideMeans(means, Weights, daysRunning: 3, Defaults, higherIsBetter: false);

        verdict.Status.ShouldBe(CallItVerdict.KeepRunning);
        verdict.Reasons.ShouldContain(r => r.Contains("3.0 of at least 7 days"));
        verdict.Reasons.ShouldContain(r => r.Contains("'control' has 60 of the 100 units needed"));
    }
}
