using CreatorOS.Modules.Social;
using CreatorOS.Modules.Social.Platforms;
using CreatorOS.Modules.Social.Posts;

namespace CreatorOS.UnitTests.Social;

public sealed class TopPostRankingTests
{
    private static PlatformPost Post(string id, string caption, long likes = 0, long comments = 0, long shares = 0, long views = 0) =>
        new(id, caption, null, null, likes, comments, shares, views, null);

    [Fact]
    public void Each_platform_scores_as_the_spec_says()
    {
        var post = Post("p", "A caption that is long enough to use", likes: 10, comments: 2, shares: 3, views: 1000);

        TopPostRanking.Score("instagram", post).ShouldBe(16);
        TopPostRanking.Score("tiktok", post).ShouldBe(31);
        TopPostRanking.Score("youtube", post).ShouldBe(1000);
    }

    [Fact]
    public void Captions_of_twenty_characters_or_fewer_are_skipped_and_the_best_come_first()
    {
        var ranked = TopPostRanking.Rank("instagram",
        [
            Post("short", "exactly twenty chars", likes: 1000),
            Post("low", "This caption is long enough to use", likes: 1),
            Post("high", "This caption is also long enough", likes: 5, comments: 5),
            Post("blank", "                         ", likes: 999),
        ]);

        "exactly twenty chars".Length.ShouldBe(20);
        ranked.Select(p => p.PostId).ShouldBe(["high", "low"]);
        ranked[0].Score.ShouldBe(20);
    }

    [Fact]
    public void Platforms_take_turns_because_their_scores_do_not_compare()
    {
        var a = TopPostRanking.Rank("youtube", [Post("y1", "A long enough video description", views: 100_000), Post("y2", "Another long enough description", views: 50_000)]);
        var b = TopPostRanking.Rank("instagram", [Post("i1", "A long enough instagram caption", likes: 3)]);

        PostFetcher.Interleave([a, b]).Select(p => p.PostId).ShouldBe(["y1", "i1", "y2"]);
    }

    [Fact]
    public void Backoff_doubles_honours_retry_after_and_is_capped()
    {
        var options = new SocialOptions { BackoffBase = TimeSpan.FromMilliseconds(500), MaxBackoff = TimeSpan.FromSeconds(10) };

        PlatformHttp.Backoff(options, 0, null).ShouldBe(TimeSpan.FromMilliseconds(500));
        PlatformHttp.Backoff(options, 2, null).ShouldBe(TimeSpan.FromSeconds(2));
        PlatformHttp.Backoff(options, 1, TimeSpan.FromSeconds(3)).ShouldBe(TimeSpan.FromSeconds(3));
        PlatformHttp.Backoff(options, 1, TimeSpan.FromHours(1)).ShouldBe(TimeSpan.FromSeconds(10));
        PlatformHttp.Backoff(options, 8, null).ShouldBe(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void The_hourly_budget_refills_as_calls_age_out()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 16, 6, 0, 0, TimeSpan.Zero));
        var budget = new CallBudget(clock);

        Enumerable.Range(0, 200).All(_ => budget.TryTake("instagram:user", 200)).ShouldBeTrue();
        budget.TryTake("instagram:user", 200).ShouldBeFalse();
        budget.TryTake("instagram:other", 200).ShouldBeTrue();
        clock.Advance(TimeSpan.FromMinutes(61));
        budget.TryTake("instagram:user", 200).ShouldBeTrue();
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
