using System.Text.Json;
using CreatorOS.Modules.Assistant.Tools;

namespace CreatorOS.UnitTests.Assistant.Tools;

/// <summary>Arguments from a model are untrusted: wrong types and sizes become clear refusals.</summary>
public sealed class ToolArgumentsTests
{
    private static ToolArguments FromJson(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(p => p.Key, p => (object?)p.Value));

    [Fact]
    public void Numbers_arrive_as_json_numbers_strings_or_dotnet_values()
    {
        FromJson("""{"amount":12.99}""").OptionalDecimal("amount").ShouldBe(12.99m);
        FromJson("""{"amount":"£12.99"}""").OptionalDecimal("amount").ShouldBe(12.99m);
        new ToolArguments(new Dictionary<string, object?> { ["amount"] = 9.99m }).OptionalDecimal("amount").ShouldBe(9.99m);
    }

    [Theory]
    [InlineData("""{"amount":"lots"}""")]
    [InlineData("""{"amount":true}""")]
    [InlineData("""{"amount":{"value":1}}""")]
    public void A_number_that_is_not_one_is_refused_with_the_field_named(string json) =>
        Should.Throw<ToolArgumentException>(() => FromJson(json).OptionalDecimal("amount")).Message.ShouldContain("'amount'");

    [Fact]
    public void Text_is_trimmed_limited_and_typed()
    {
        FromJson("""{"title":"  Live Q&A  "}""").RequiredString("title", 120).ShouldBe("Live Q&A");
        Should.Throw<ToolArgumentException>(() => FromJson($$"""{"title":"{{new string('x', 121)}}"}""").RequiredString("title", 120));
        Should.Throw<ToolArgumentException>(() => FromJson("""{"title":5}""").RequiredString("title", 120));
        Should.Throw<ToolArgumentException>(() => FromJson("""{}""").RequiredString("title", 120)).Message.ShouldBe("'title' is needed.");
    }

    [Fact]
    public void Choices_counts_ids_and_instants_are_checked()
    {
        Should.Throw<ToolArgumentException>(() => FromJson("""{"platform":"myspace"}""").OptionalChoice("platform", ["instagram"]));
        Should.Throw<ToolArgumentException>(() => FromJson("""{"count":7}""").OptionalInt("count", 1, 3, 3));
        Should.Throw<ToolArgumentException>(() => FromJson("""{"count":1.5}""").OptionalInt("count", 1, 3, 3));
        FromJson("""{}""").OptionalInt("count", 1, 3, 3).ShouldBe(3);
        Should.Throw<ToolArgumentException>(() => FromJson("""{"blog_id":"not-a-guid"}""").RequiredGuid("blog_id"));
        FromJson("""{"starts_at":"2026-11-27T18:00:00Z"}""").RequiredInstant("starts_at").ShouldBe(new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero));
        Should.Throw<ToolArgumentException>(() => FromJson("""{"starts_at":"next tuesday-ish"}""").RequiredInstant("starts_at"));
    }
}
