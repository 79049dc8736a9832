using System.Text.Json;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Content;

namespace CreatorOS.UnitTests.Assistant.Llm;

public sealed class ModelBlogWriterTests
{
    private static readonly BlogDraft Planned = new("Planned title", "planned body", "training", ["habits"]);

    private static string Body(int words, bool heading = true) =>
        (heading ? "## Start\n\n" : string.Empty) + string.Join(' ', Enumerable.Repeat("word", words));

    private static string Json(string title, string body, object? tags = null) =>
        JsonSerializer.Serialize(new { title, body, category = "Nutrition", tags = tags ?? new[] { "Meal Prep", "meal prep", "food" } });

    [Fact]
    public void A_post_in_the_promised_shape_is_read_with_clean_tags()
    {
        var draft = ModelBlogWriter.Read(Json("Meal prep in 20 minutes", Body(350)), Planned)!;

        draft.Title.ShouldBe("Meal prep in 20 minutes");
        draft.Category.ShouldBe("nutrition");
        draft.Tags.ShouldBe(["meal prep", "food"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"title":"No body"}""")]
    public void Unreadable_json_is_rejected(string json) => ModelBlogWriter.Read(json, Planned).ShouldBeNull();

    [Fact]
    public void Too_short_too_long_headless_or_html_posts_are_rejected()
    {
        ModelBlogWriter.Read(Json("Short", Body(100)), Planned).ShouldBeNull();
        ModelBlogWriter.Read(Json("Long", Body(900)), Planned).ShouldBeNull();
        ModelBlogWriter.Read(Json("No headings", Body(350, heading: false)), Planned).ShouldBeNull();
        ModelBlogWriter.Read(Json("Html", Body(350) + "<script>alert(1)</script>"), Planned).ShouldBeNull();
    }
}
