using CreatorOS.Contracts.Social;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Social;

/// <summary>Top posts with the spec's scoring, token refresh, platform failures and the profile photo.</summary>
public sealed class SocialPostsTests
{
    [Fact]
    public async Task Instagram_ranks_by_likes_plus_three_comments_and_skips_short_captions()
    {
        await using var social = await SocialHarness.StartAsync();
        social.Fake.Posts["instagram"].AddRange(
        [
            new("ig-1", "Morning mobility flow for desk workers, ten minutes a day", Likes: 100, Comments: 10),
            new("ig-2", "Why rest days make you stronger, not lazier", Likes: 90, Comments: 20),
            new("ig-3", "Short and sweet 💪", Likes: 5000, Comments: 900),
            new("ig-4", "Three breathing drills before your heavy lifts", Likes: 10, Comments: 1),
        ]);
        await social.ConnectAsync("instagram");

        var top = await social.TopPostsAsync("instagram");

        top.Status.ShouldBe("ok");
        top.Posts.Select(p => (p.PostId, p.Score)).ShouldBe([("ig-2", 150L), ("ig-1", 130L), ("ig-4", 13L)]);
        top.Posts[0].MediaUrl.ShouldBe(social.Fake.BaseUrl + "/cdn/ig-2.jpg");
        top.Posts[0].Permalink.ShouldBe("https://www.instagram.com/p/ig-2/");
        social.Fake.Requests.ShouldContain(r => r.Request.Contains("/me/media?fields=id%2Ccaption", StringComparison.Ordinal) && r.Request.Contains("limit=50", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TikTok_adds_five_times_shares_pages_through_the_list_and_refreshes_a_dying_token()
    {
        await using var social = await SocialHarness.StartAsync();
        social.Fake.TikTokExpiresIn = 120;
        social.Fake.Posts["tiktok"].AddRange(Enumerable.Range(1, 25).Select(i => new FakePost($"tt-{i:00}", $"Kettlebell tip number {i}: keep your core braced", Likes: i, Comments: 0, Shares: 0)));
        social.Fake.Posts["tiktok"].Add(new("tt-shared", "The one stretch everyone shares with a friend", Likes: 10, Comments: 2, Shares: 20));
        await social.ConnectAsync("tiktok");

        var top = await social.TopPostsAsync("tiktok", 3);

        top.Posts.Select(p => (p.PostId, p.Score)).ShouldBe([("tt-shared", 116L), ("tt-25", 25L), ("tt-24", 24L)]);
        social.Fake.Count("POST /tiktok-api/v2/video/list/").ShouldBe(2);

        // The token had two minutes left: it was refreshed before the list was read.
        social.Fake.Requests.Count(r => r.Form.TryGetValue("grant_type", out var grant) && grant == "refresh_token").ShouldBe(1);
        (await social.ConnectionsAsync()).Single().AccessExpiresAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddSeconds(60));
    }

    [Fact]
    public async Task YouTube_ranks_by_views_and_refreshes_a_rejected_token()
    {
        await using var social = await SocialHarness.StartAsync();
        social.Fake.Posts["youtube"].AddRange(
        [
            new("yt-a", "How I plan a week of training\n\nA walk through my planning notebook.", Likes: 900, Views: 1200),
            new("yt-b", "Form check: the deadlift hinge explained", Likes: 10, Views: 50_000),
        ]);
        await social.ConnectAsync("youtube");
        social.Fake.ExpireIssuedAccessTokens("youtube");

        var top = await social.TopPostsAsync("youtube");

        top.Status.ShouldBe("ok");
        top.Posts.Select(p => p.PostId).ShouldBe(["yt-b", "yt-a"]);
        top.Posts[1].Caption.ShouldBe("How I plan a week of training\n\nA walk through my planning notebook.");
        social.Fake.Requests.Count(r => r.Request == "POST /google/token" && r.Form["grant_type"] == "refresh_token").ShouldBe(1);
        (await social.ConnectionsAsync()).Single().NeedsReconnect.ShouldBeFalse();
    }

    [Fact]
    public async Task A_revoked_token_marks_the_connection_for_reconnecting()
    {
        await using var social = await SocialHarness.StartAsync();
        social.Fake.Posts["instagram"].Add(new("ig-1", "Morning mobility flow for desk workers", Likes: 1));
        await social.ConnectAsync("instagram");
        social.Fake.ExpireIssuedAccessTokens("instagram");

        var top = await social.TopPostsAsync();

        top.Status.ShouldBe("unavailable");
        top.Problem.ShouldBe("Instagram needs to be connected again.");
        (await social.ConnectionsAsync()).Single().NeedsReconnect.ShouldBeTrue();
        var list = await social.InScopeAsync(async s => await s.GetRequiredService<ISocialConnections>().ListAsync(await social.WorkspaceIdAsync(), default));
        list.Single().Status.ShouldBe("needs_reconnect");

        // Connecting again clears it.
        await social.ConnectAsync("instagram");
        (await social.TopPostsAsync()).Status.ShouldBe("ok");
    }

    [Fact]
    public async Task A_platform_that_is_down_is_retried_with_backoff_then_reported_not_thrown()
    {
        await using var social = await SocialHarness.StartAsync();
        social.Fake.Posts["instagram"].Add(new("ig-1", "Morning mobility flow for desk workers", Likes: 1));
        social.Fake.Posts["youtube"].Add(new("yt-1", "Form check: the deadlift hinge explained", Views: 10));
        await social.ConnectAsync("instagram");
        await social.ConnectAsync("youtube");
        social.Fake.Down.Add("instagram");

        var top = await social.TopPostsAsync();

        top.Status.ShouldBe("ok");
        top.Posts.ShouldHaveSingleItem().PostId.ShouldBe("yt-1");
        top.Problem.ShouldBe("Instagram isn't answering right now.");
        social.Fake.Count("/instagram-graph/me/media").ShouldBe(3);
    }

    [Fact]
    public async Task The_hourly_call_budget_stops_calls_before_the_platform_does()
    {
        await using var social = await SocialHarness.StartAsync(configure: (_, settings) => settings["Social:Instagram:CallsPerHour"] = "3");
        social.Fake.Posts["instagram"].Add(new("ig-1", "Morning mobility flow for desk workers", Likes: 1));
        await social.ConnectAsync("instagram");

        for (var i = 0; i < 3; i++)
        {
            (await social.TopPostsAsync()).Status.ShouldBe("ok");
        }

        var limited = await social.TopPostsAsync();

        limited.Status.ShouldBe("unavailable");
        limited.Problem.ShouldBe("Instagram is limiting requests right now.");
        social.Fake.Count("/instagram-graph/me/media").ShouldBe(3);
    }

    [Fact]
    public async Task The_profile_photo_is_downloaded_checked_and_set_on_the_store()
    {
        await using var social = await SocialHarness.StartAsync();
        await social.ConnectAsync("instagram");

        var result = await social.InScopeAsync(async s => await s.GetRequiredService<ISocialConnections>().ImportProfilePhotoAsync(await social.WorkspaceIdAsync(), null, default));

        result.Status.ShouldBe("ok");
        result.PhotoUrl.ShouldStartWith("/media/photos/");
        (await social.Avery.StoreAsync()).Profile.PhotoUrl.ShouldBe(result.PhotoUrl);
        var served = await social.Avery.Http.GetAsync(result.PhotoUrl);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
    }

    [Fact]
    public async Task Nothing_connected_means_no_posts_and_no_photo()
    {
        await using var social = await SocialHarness.StartAsync();

        (await social.TopPostsAsync()).Status.ShouldBe("not_connected");
        var photo = await social.InScopeAsync(async s => await s.GetRequiredService<ISocialConnections>().ImportProfilePhotoAsync(await social.WorkspaceIdAsync(), "tiktok", default));
        photo.Status.ShouldBe("not_connected");
    }
}
