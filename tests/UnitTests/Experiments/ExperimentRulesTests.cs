using CreatorOS.Modules.Experiments.Definitions;

namespace CreatorOS.UnitTests.Experiments;

public sealed class ExperimentRulesTests
{
    private static readonly string[] Metrics = ["completion_rate"];

    private static ExperimentDraft Draft(params VariantWeight[] variants) =>
        new("onboarding_v2", "Onboarding v2", null, variants, "completion_rate", [], false);

    [Fact]
    public void Weights_that_do_not_add_up_to_100_are_refused_with_the_total() =>
        ExperimentRules.Check(Draft(new("control", 30), new("avery", 60)), Metrics)["weights"].ShouldBe("Weights must add up to 100; they add up to 90.");

    [Fact]
    public void Duplicate_variant_keys_are_refused() =>
        ExperimentRules.Check(Draft(new("control", 50), new("control", 50)), Metrics)["variants"].ShouldContain("'control' is used 2 times");

    [Fact]
    public void A_single_variant_unknown_metric_and_bad_targeting_each_get_a_message()
    {
        var errors = ExperimentRules.Check(
            new ExperimentDraft("Bad Key!", "", null, [new("control", 100)], "nope", [new TargetingRule("country", "regex", ["x"])], false),
            Metrics);

        errors.Keys.ShouldBe(["key", "name", "variants", "metric", "targeting"], ignoreOrder: true);
    }

    [Fact]
    public void A_valid_draft_has_no_errors() =>
        ExperimentRules.Check(Draft(new("control", 30), new("scorecard", 30), new("avery", 40)), Metrics).ShouldBeEmpty();

    [Theory]
    [InlineData("in", "GB", true)]
    [InlineData("in", "FR", false)]
    [InlineData("not_in", "GB", false)]
    [InlineData("not_in", null, true)]
    [InlineData("in", null, false)]
    [InlineData("exists", "anything", true)]
    public void Targeting_rules_match_attributes(string op, string? country, bool expected)
    {
        var attributes = country is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["country"] = country };
        new TargetingRule("country", op, ["GB", "IE"]).Matches(attributes).ShouldBe(expected);
    }
}
