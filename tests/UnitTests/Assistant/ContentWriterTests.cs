using System.Text.RegularExpressions;
using CreatorOS.Modules.Assistant.Content;

namespace CreatorOS.UnitTests.Assistant;

public sealed partial class ContentWriterTests
{
    public static TheoryData<string, string> NichesAndTones()
    {
        var data = new TheoryData<string, string>();
        foreach (var niche in new[] { "fitness", "wellness", "business", "lifestyle" })
        {
            foreach (var tone in new[] { "casual", "professional", "energetic", "calm" })
            {
                data.Add(niche, tone);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NichesAndTones))]
    public async Task Niche_posts_are_complete_first_person_markdown(string niche, string tone)
    {
        var drafts = await new OfflineBlogWriter().WriteAsync(new BlogBrief("Sam", niche, null, tone, []), 3, null, CancellationToken.None);

        drafts.Count.ShouldBe(3);
        drafts.Select(d => d.Title).Distinct().Count().ShouldBe(3);
        foreach (var draft in drafts)
        {
            AssertGoodPost(draft.Title, draft.BodyMarkdown);
            draft.Publish.ShouldBeTrue();
            draft.Category.ShouldNotBeNullOrWhiteSpace();
            draft.Tags!.Count.ShouldBeInRange(2, 4);
        }
    }

    [Theory]
    [MemberData(nameof(NichesAndTones))]
    public async Task Custom_topic_posts_are_complete(string niche, string tone)
    {
        var drafts = await new OfflineBlogWriter().WriteAsync(new BlogBrief("Sam", niche, "powerlifting", tone, []), 1, "meal prep", CancellationToken.None);

        var draft = drafts.ShouldHaveSingleItem();
        draft.Title.ShouldContain("meal prep", Case.Insensitive);
        draft.BodyMarkdown.ShouldContain("meal prep");
        draft.Tags!.ShouldContain("meal prep");
        AssertGoodPost(draft.Title, draft.BodyMarkdown);
    }

    [Fact]
    public async Task Asking_again_gives_posts_with_new_titles()
    {
        var writer = new OfflineBlogWriter();
        var first = await writer.WriteAsync(new BlogBrief("Sam", "fitness", "powerlifting", "casual", []), 3, null, CancellationToken.None);
        var second = await writer.WriteAsync(new BlogBrief("Sam", "fitness", "powerlifting", "casual", [.. first.Select(d => d.Title)]), 3, null, CancellationToken.None);

        second.Count.ShouldBe(3);
        second.Select(d => d.Title).Intersect(first.Select(d => d.Title)).ShouldBeEmpty();
        second.Select(d => d.Title).Distinct().Count().ShouldBe(3);

        var third = await writer.WriteAsync(new BlogBrief("Sam", "fitness", "powerlifting", "casual", [.. first.Select(d => d.Title), .. second.Select(d => d.Title)]), 3, null, CancellationToken.None);
        third.Select(d => d.Title).Intersect([.. first.Select(d => d.Title), .. second.Select(d => d.Title)]).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_specialty_shapes_titles_and_text_and_the_writer_is_deterministic()
    {
        var brief = new BlogBrief("Priya", "wellness", "yoga", "calm", []);
        var a = await new OfflineBlogWriter().WriteAsync(brief, 3, null, CancellationToken.None);
        var b = await new OfflineBlogWriter().WriteAsync(brief, 3, null, CancellationToken.None);

        a.Select(d => d.BodyMarkdown).ShouldBe(b.Select(d => d.BodyMarkdown));
        string.Join(' ', a.Select(d => d.Title + d.BodyMarkdown)).ShouldContain("yoga");
        a.ShouldAllBe(d => d.BodyMarkdown.EndsWith("— Priya", StringComparison.Ordinal));
    }

    private static void AssertGoodPost(string title, string body)
    {
        title.ShouldNotContain("{");
        body.ShouldNotContain("{");
        body.ShouldNotContain("}");
        var words = Regex.Count(body.Replace("#", string.Empty, StringComparison.Ordinal), @"[\p{L}\p{N}'’-]+");
        words.ShouldBeInRange(300, 500, title);
        Heading().Count(body).ShouldBeInRange(2, 4, title);
        body.ShouldNotStartWith("#");
        FirstPerson().IsMatch(body).ShouldBeTrue(title);
        body.ShouldContain("my clients", Case.Insensitive);
        body.ShouldContain("subscribe", Case.Insensitive);
        body.LastIndexOf("ubscribe", StringComparison.Ordinal).ShouldBeGreaterThan(body.Length * 3 / 4);
        body.ShouldNotContain("%");
        body.ShouldNotContain("studies show", Case.Insensitive);
        body.ShouldNotContain("research shows", Case.Insensitive);
        Digits().IsMatch(body).ShouldBeFalse(title);
    }

    [Theory]
    [InlineData("casual")]
    [InlineData("professional")]
    [InlineData("energetic")]
    [InlineData("calm")]
    public void Bios_are_two_to_four_first_person_sentences_without_cliches(string tone)
    {
        foreach (var (name, niche, specialty) in new[] { ("Sam", "fitness", "powerlifting"), ("Priya", "wellness", "yoga"), ("jonh", "business", (string?)null), ("Alex", "lifestyle", "travel"), ("Mo", "fitness", "running") })
        {
            var bio = BioWriter.Write(name, niche, specialty, tone);

            bio.ShouldContain(name);
            Sentences().Count(bio).ShouldBeInRange(2, 4, bio);
            FirstPerson().IsMatch(bio).ShouldBeTrue(bio);
            bio.ShouldNotContain("{");
            bio.Length.ShouldBeLessThanOrEqualTo(1000);
            foreach (var cliche in BioWriter.BannedWords)
            {
                bio.ShouldNotContain(cliche, Case.Insensitive);
            }

            if (specialty is not null)
            {
                bio.ShouldContain(specialty, Case.Insensitive);
            }
        }
    }

    [Fact]
    public void Bios_differ_by_tone() =>
        new[] { "casual", "professional", "energetic", "calm" }.Select(t => BioWriter.Write("Sam", "fitness", "powerlifting", t)).Distinct().Count().ShouldBe(4);

    [Theory]
    [InlineData("instagram")]
    [InlineData("tiktok")]
    [InlineData("facebook")]
    [InlineData("linkedin")]
    [InlineData("x")]
    public async Task Share_posts_carry_the_store_link(string platform)
    {
        var text = await new OfflineShareWriter().WriteAsync(new ShareBrief("Sam", "fitness", "powerlifting", "https://creatoros.test/s/sam", "£12.99/month", platform), CancellationToken.None);

        text.ShouldContain("https://creatoros.test/s/sam");
        text.ShouldContain("powerlifting", Case.Insensitive);
        text.Length.ShouldBeLessThanOrEqualTo(platform == "x" ? 280 : 600);
    }

    [Fact]
    public async Task Posts_for_x_fit_280_characters_even_with_a_long_specialty_and_link()
    {
        var url = "https://creatoros.example.com/s/" + new string('a', 120);
        var text = await new OfflineShareWriter().WriteAsync(new ShareBrief("Sam", "fitness", new string('b', 200), url, "£12.99/month", "x"), CancellationToken.None);

        text.Length.ShouldBeLessThanOrEqualTo(280);
        text.ShouldEndWith(url);
    }

    [GeneratedRegex(@"^## \S", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\b(I|I'm|I've|I'd|I'll|my|My|me)\b")]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digits();
}
