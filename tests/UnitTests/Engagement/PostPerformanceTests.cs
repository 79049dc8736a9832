using CreatorOS.Contracts.Social;
using CreatorOS.Modules.Engagement.Triggers;

namespace CreatorOS.UnitTests.Engagement;

/// <summary>What counts as "high engagement" for the weekly social-post nudge.</summary>
public sealed class PostPerformanceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static SocialPostView Post(string id, long score, double daysAgo) =>
        new(SocialPlatforms.Instagram, id, "A caption long enough to become a blog", null, null, score, score, Now.AddDays(-daysAgo));

    private static List<SocialPostView> Usual(int count = 5) => [.. Enumerable.Range(0, count).Select(i => Post($"old-{i}", 100, 10 + i))];

    [Fact]
    public void A_new_post_at_one_and_a_half_times_the_median_stands_out_and_one_just_below_does_not()
    {
        PostPerformance.Standouts([.. Usual(), Post("new", 150, 1)], Now).ShouldHaveSingleItem().Post.PostId.ShouldBe("new");
        PostPerformance.Standouts([.. Usual(), Post("new", 149, 1)], Now).ShouldBeEmpty();
    }

    [Fact]
    public void Only_posts_of_the_last_seven_days_count()
    {
        PostPerformance.Standouts([.. Usual(), Post("last-week", 500, 7)], Now).ShouldBeEmpty();
        PostPerformance.Standouts([.. Usual(), Post("this-week", 500, 6.9)], Now).ShouldHaveSingleItem();
    }

    [Fact]
    public void Without_enough_history_or_with_tiny_numbers_nothing_stands_out()
    {
        PostPerformance.Standouts([.. Usual(3), Post("new", 900, 1)], Now).ShouldBeEmpty("four posts are not a usual");
        PostPerformance.Standouts([.. Enumerable.Range(0, 5).Select(i => Post($"quiet-{i}", 2, 10 + i)), Post("new", 10, 1)], Now)
            .ShouldBeEmpty("five times a tiny usual is still tiny");
    }

    [Fact]
    public void The_furthest_above_usual_comes_first_and_the_ratio_is_rounded_down()
    {
        var standouts = PostPerformance.Standouts([.. Usual(), Post("good", 160, 2), Post("great", 399, 3)], Now);
        standouts.Select(s => s.Post.PostId).ShouldBe(["great", "good"]);
        standouts[0].Ratio.ShouldBe(3.9m);
    }
}
