using CreatorOS.Modules.Experiments.Assignment;
using CreatorOS.Modules.Experiments.Definitions;
using CreatorOS.Modules.Experiments.Statistics;

namespace CreatorOS.UnitTests.Experiments;

public sealed class AssignmentDistributionTests
{
    private static readonly VariantWeight[] Onboarding = [new("control", 30), new("scorecard", 30), new("avery", 40)];

    [Fact]
    public void The_same_unit_always_gets_the_same_variant()
    {
        for (var i = 0; i < 1000; i++)
        {
            var unit = Guid.NewGuid().ToString("D");
            var first = Assigner.Evaluate("onboarding_v1", Onboarding, unit);
            Assigner.Evaluate("onboarding_v1", Onboarding, unit).ShouldBe(first);
        }
    }

    [Fact]
    public void A_hundred_thousand_ids_split_30_30_40_within_chance()
    {
        var counts = new Dictionary<string, long> { ["control"] = 0, ["scorecard"] = 0, ["avery"] = 0 };
        for (var i = 0; i < 100_000; i++)
        {
            counts[Assigner.Evaluate("onboarding_v1", Onboarding, $"coach-{i}").Variant]++;
        }

        var (chi, p, mismatch) = SampleRatioCheck.Test([counts["control"], counts["scorecard"], counts["avery"]], [30, 30, 40]);
        mismatch.ShouldBeFalse($"χ² = {chi:F2}, p = {p:G3}, counts {string.Join('/', counts.Values)}");
        p.ShouldBeGreaterThan(0.001);
    }

    [Fact]
    public void Different_experiments_split_the_same_units_independently()
    {
        var same = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var unit = $"user-{i}";
            if (Assigner.Evaluate("exp_a", [new("a", 50), new("b", 50)], unit).Variant == Assigner.Evaluate("exp_b", [new("a", 50), new("b", 50)], unit).Variant)
            {
                same++;
            }
        }

        // Independent 50/50 splits agree about half the time (± 4 standard deviations).
        same.ShouldBeInRange(4800, 5200);
    }
}
