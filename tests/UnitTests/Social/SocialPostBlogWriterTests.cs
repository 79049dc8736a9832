using CreatorOS.Contracts.Social;
using CreatorOS.Modules.Assistant.Content;
using CreatorOS.Modules.Assistant.Safety;

namespace CreatorOS.UnitTests.Social;

public sealed class SocialPostBlogWriterTests
{
    private static readonly SocialWriterBrief Brief = new("Sam", "fitness", "powerlifting", "casual");

    private static SocialPostView Post(string caption) => new("instagram", "ig-1", caption, "https://media.example/ig-1.jpg", null, 100, 90, null);

    [Fact]
    public async Task Writes_a_first_person_draft_around_the_caption_with_headings_and_tags()
    {
        var writer = new SocialPostBlogWriter(new OfflineModeration());

        var draft = await writer.WriteAsync(Brief, Post("Three breathing drills before your heavy lifts. Try them tomorrow! #powerlifting #breathwork @gymbuddy"), default);

        draft.ShouldNotBeNull();
        draft.Title.ShouldBe("Three breathing drills before your heavy lifts");
        draft.BodyMarkdown.ShouldContain("## Where this started");
        draft.BodyMarkdown.ShouldContain("> Three breathing drills before your heavy lifts. Try them tomorrow!");
        draft.BodyMarkdown.ShouldContain("I first shared this on Instagram");
        draft.BodyMarkdown.ShouldNotContain("@gymbuddy");
        draft.BodyMarkdown.ShouldEndWith("— Sam");
        draft.Tags!.ShouldBe(["powerlifting", "breathwork", "fitness", "instagram"]);
        draft.Publish.ShouldBeFalse();
    }

    [Fact]
    public async Task Flagged_captions_give_no_draft()
    {
        var writer = new SocialPostBlogWriter(new FlagEverything());

        (await writer.WriteAsync(Brief, Post("A perfectly fine caption that is long"), default)).ShouldBeNull();
    }

    [Fact]
    public void Long_first_lines_become_titles_cut_on_a_word()
    {
        var title = SocialPostBlogWriter.TitleFrom("when you have been training for years and still feel like a beginner at the bar every single monday morning");

        title.Length.ShouldBeLessThanOrEqualTo(80);
        title.ShouldEndWith("…");
        title.ShouldStartWith("When you have been training");
    }

    private sealed class FlagEverything : IContentModerator
    {
        public bool WordListDecides => false;

        public Task<ModerationVerdict> CheckAsync(string text, CancellationToken cancellationToken) => Task.FromResult(new ModerationVerdict(true, "test"));
    }
}
