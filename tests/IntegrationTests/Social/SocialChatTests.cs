using CreatorOS.SharedKernel.Persistence;

namespace CreatorOS.IntegrationTests.Social;

/// <summary>Avery's social_connect and content_import phases with a real connection, over the WebSocket.</summary>
public sealed class SocialChatTests
{
    [Fact]
    public async Task Connect_in_the_popup_then_draft_blogs_from_top_posts_and_publish_them_with_one_tap()
    {
        await using var social = await SocialHarness.StartAsync(DatabaseProvider.Sqlite);
        social.Fake.Posts["instagram"].AddRange(
        [
            new("ig-1", "Three breathing drills before your heavy lifts #powerlifting", Likes: 50, Comments: 5),
            new("ig-2", "Why I stopped counting every calorie this year", Likes: 80, Comments: 1),
            new("ig-3", "A quick note on sleep and recovery for lifters", Likes: 10),
            new("ig-4", "Gym selfie", Likes: 900),
        ]);
        var (chat, _) = await social.Avery.OpenChatAsync();
        await using var _ = chat;
        await chat.SayAsync("I'm Jonh");
        var niche = await chat.SayAsync("I'm a powerlifting coach");
        niche.Phase.ShouldBe("social_connect");

        // The connect button opens the local sign-in URL in a popup (the client's open_url).
        var connect = await chat.ClickAsync(niche.ButtonLabelled("Instagram"));
        connect.ToolsRun.ShouldContain("connect_social_account");
        var open = connect.Button(b => b.GetProperty("action").GetString() == "open_url");
        open.GetProperty("value").GetString().ShouldBe("/social/instagram/connect");

        // The popup runs the OAuth flow, then its page posts oauth_complete to the chat.
        SocialHarness.Outcome(await social.ConnectAsync("instagram")).ShouldBe("connected");
        await chat.SendAsync("oauth_complete", new { platform = "instagram", ok = true });
        var connected = await chat.TurnAsync();
        connected.Reply.ShouldContain("Instagram connected");
        connected.Phase.ShouldBe("content_import");

        var drafted = await chat.ClickAsync(connected.ButtonLabelled("Turn my posts into blogs"));
        drafted.ToolsRun.ShouldContain("draft_blogs_from_social");
        drafted.Reply.ShouldContain("drafts");
        var store = await social.Avery.StoreAsync();
        store.Blogs.Select(b => b.SourcePostId).Order().ShouldBe(["ig-1", "ig-2", "ig-3"]);
        store.Blogs.ShouldAllBe(b => b.Status == "draft" && b.SourcePlatform == "instagram");
        store.Blogs.Single(b => b.SourcePostId == "ig-1").Tags.ShouldContain("powerlifting");

        var published = await chat.ClickAsync(drafted.Button(b => b.GetProperty("action").GetString() == "publish_blogs"));
        published.ToolsRun.ShouldContain("publish_blog_posts");
        published.Reply.ShouldContain("Published!");
        (await social.Avery.StoreAsync()).Blogs.ShouldAllBe(b => b.Status == "published");
        published.Phase.ShouldBe("profile_setup");
    }

    [Fact]
    public async Task A_failed_popup_offers_try_again_or_skip_and_a_platform_down_falls_back_to_niche_blogs()
    {
        await using var social = await SocialHarness.StartAsync(DatabaseProvider.Sqlite);
        var (chat, _) = await social.Avery.OpenChatAsync();
        await using var _ = chat;
        await chat.SayAsync("I'm Jonh");
        await chat.SayAsync("I'm a powerlifting coach");

        await chat.SendAsync("oauth_complete", new { platform = "tiktok", ok = false });
        var failed = await chat.TurnAsync();
        failed.Reply.ShouldContain("Connection didn't go through. Try again or skip?");
        failed.ButtonLabelled("Try again").GetProperty("value").GetString().ShouldBe("tiktok");

        await social.ConnectAsync("tiktok");
        social.Fake.Down.Add("tiktok");
        await chat.SendAsync("oauth_complete", new { platform = "tiktok", ok = true });
        var connected = await chat.TurnAsync();
        var attempt = await chat.ClickAsync(connected.ButtonLabelled("Turn my posts into blogs"));
        attempt.Reply.ShouldContain("TikTok isn't answering right now");
        var niche = attempt.Button(b => b.GetProperty("action").GetString() == "write_blogs");
        var blogs = await chat.ClickAsync(niche);
        blogs.ToolsRun.ShouldContain("generate_blog_posts");
        (await social.Avery.StoreAsync()).Blogs.Count(b => b.Status == "published").ShouldBe(3);
    }
}
