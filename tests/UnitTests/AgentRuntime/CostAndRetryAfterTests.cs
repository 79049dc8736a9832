using CreatorOS.AgentRuntime.Providers;
using CreatorOS.AgentRuntime.Usage;
using Microsoft.Extensions.AI;

namespace CreatorOS.UnitTests.AgentRuntime;

public sealed class CostAndRetryAfterTests
{
    private static readonly Dictionary<string, ModelPrice> Prices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o"] = new() { InputPerMillion = 2.50m, OutputPerMillion = 10.00m },
    };

    [Fact]
    public void A_call_is_priced_per_million_input_and_output_tokens()
    {
        var cost = CallCost.Of("gpt-4o", new UsageDetails { InputTokenCount = 1_000, OutputTokenCount = 500 }, Prices);

        cost.CostUsd.ShouldBe(0.0075m);
        cost.Priced.ShouldBeTrue();
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
    [InlineData(408, ProviderFailure.Timeout)]
    [InlineData(504, ProviderFailure.Timeout)]
    [InlineData(500, ProviderFailure.ApiError)]
    [InlineData(401, ProviderFailure.ApiError)]
    public void Http_statuses_map_to_the_error_table(int status, ProviderFailure failure) =>
        ProviderException.Classify(status).ShouldBe(failure);
}
