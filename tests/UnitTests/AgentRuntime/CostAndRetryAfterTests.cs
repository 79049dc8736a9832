using CreatorOS.AgentRuntime;
using CreatorOS.AgentRuntime.Providers;
using CreatorOS.AgentRuntime.Usage;
using Microsoft.Extensions.AI;

namespace CreatorOS.UnitTests.AgentRuntime;

public sealed class CostAndRetryAfterTests
{
    private static readonly Dictionary<string, ModelPrice> Prices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o"] = new() { InputPerMillion = 2.50m, OutputPerMillion = 10.00m },
        ["gpt-4o-mini"] = new() { InputPerMillion = 0.15m, OutputPerMillion = 0.60m },
        ["claude-haiku-4-5"] = new() { InputPerMillion = 1.00m, OutputPerMillion = 5.00m },
    };

    [Fact]
    public void A_call_is_priced_per_million_input_and_output_tokens()
    {
        var cost = CallCost.Of("gpt-4o", new UsageDetails { InputTokenCount = 1_000, OutputTokenCount = 500 }, Prices);

        cost.CostUsd.ShouldBe(0.0075m);
        cost.Priced.ShouldBeTrue();
    }

    [Theory]
    [InlineData("claude-haiku-4-5-20251001", 0.0035)]
    [InlineData("gpt-4o-mini-2024-07-18", 0.00045)]
    [InlineData("gpt-4o-2024-08-06", 0.0075)]
    public void A_dated_snapshot_is_priced_as_its_longest_alias(string model, decimal expected)
    {
        var cost = CallCost.Of(model, new UsageDetails { InputTokenCount = 1_000, OutputTokenCount = 500 }, Prices);

        cost.CostUsd.ShouldBe(expected);
        cost.Priced.ShouldBeTrue();
        cost.Model.ShouldBe(model, "the event keeps the name the provider answered with");
    }

    [Fact]
    public void A_name_that_merely_starts_like_a_priced_model_is_not_priced() =>
        CallCost.Of("gpt-4omega", new UsageDetails { InputTokenCount = 1_000 }, Prices).Priced.ShouldBeFalse();

    [Fact]
    public void Claude_models_are_priced_by_default_and_are_the_default_models_on_anthropic()
    {
        var anthropic = new AgentRuntimeOptions { Provider = "anthropic" };
        var openAi = new AgentRuntimeOptions { Provider = "openai" };

        anthropic.ConversationModel.ShouldBe("claude-haiku-4-5");
        anthropic.GenerationModel.ShouldBe("claude-sonnet-4-5");
        openAi.ConversationModel.ShouldBe("gpt-4o-mini");
        openAi.GenerationModel.ShouldBe("gpt-4o");
        new AgentRuntimeOptions { Provider = "anthropic", ConversationModel = "claude-opus-4-5" }.ConversationModel.ShouldBe("claude-opus-4-5");
        anthropic.Prices.Keys.ShouldContain("claude-haiku-4-5");
        anthropic.Prices.Keys.ShouldContain("claude-sonnet-4-5");
        anthropic.Prices.Keys.ShouldContain("claude-opus-4-5");
    }

    [Fact]
    public void A_model_without_a_price_costs_nothing_and_says_so()
    {
        var cost = CallCost.Of("llama3.1", new UsageDetails { InputTokenCount = 1_000 }, Prices);

        cost.CostUsd.ShouldBe(0m);
        cost.Priced.ShouldBeFalse();
    }

    [Theory]
    [InlineData("7", null, 7_000)]
    [InlineData(null, "250", 250)]
    [InlineData("3", "1500", 1_500)]
    [InlineData("Sun, 22 Nov 2026 10:00:30 GMT", null, 30_000)]
    public void Retry_after_is_read_as_seconds_milliseconds_or_a_date(string? header, string? milliseconds, int expectedMs)
    {
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

        ProviderException.ParseRetryAfter(header, milliseconds, now).ShouldBe(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    public void A_missing_or_unreadable_retry_after_is_no_hint(string? header) =>
        ProviderException.ParseRetryAfter(header, null, DateTimeOffset.UnixEpoch).ShouldBeNull();

    [Theory]
    [InlineData(429, ProviderFailure.RateLimited)]
    [InlineData(529, ProviderFailure.RateLimited)]
    [InlineData(408, ProviderFailure.Timeout)]
    [InlineData(504, ProviderFailure.Timeout)]
    [InlineData(500, ProviderFailure.ApiError)]
    [InlineData(401, ProviderFailure.ApiError)]
    public void Http_statuses_map_to_the_error_table(int status, ProviderFailure failure) =>
        ProviderException.Classify(status).ShouldBe(failure);
}
