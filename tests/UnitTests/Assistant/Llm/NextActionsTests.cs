using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Brain.Llm;

namespace CreatorOS.UnitTests.Assistant.Llm;

public sealed class NextActionsTests
{
    private static StoreView Store(int subscribers = 0, bool priced = true, int blogs = 0, bool live = false, bool shared = false) => new(
        Guid.NewGuid(), Guid.NewGuid(), "sam", "/s/sam",
        new StoreProfileView("Sam", "fitness", null, null, "casual", null),
        new StoreThemeView("fitness_bold", "Bold", "#000", "#fff", "Inter", "bold", "none"),
        priced ? new StorePriceView("GBP", 9.99m, "£9.99") : null,
        shared,
        [.. Enumerable.Range(0, blogs).Select(i => new BlogView(Guid.NewGuid(), "b" + i, "Blog " + i, "published", null, [], null, "", null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch))],
        live ? [new LiveSessionView(Guid.NewGuid(), "Live", DateTimeOffset.UnixEpoch)] : [],
        subscribers,
        DateTimeOffset.UnixEpoch);

    [Fact]
    public void Subscribers_who_cannot_pay_come_first_then_blogs_then_live()
    {
        var next = NextActions.For(Store(subscribers: 3, priced: false, blogs: 2));

        next.Count.ShouldBe(3);
        next[0].ShouldContain("3 subscribers can't pay");
        next[1].ShouldContain("there are 2");
        next[2].ShouldContain("live session");
    }

    [Fact]
    public void A_complete_store_with_many_subscribers_is_pointed_at_growth()
    {
        var next = NextActions.For(Store(subscribers: 60, blogs: 6, live: true, shared: true));

        next.ShouldHaveSingleItem().ShouldContain("60 subscribers");
    }

    [Fact]
    public void There_is_always_something_to_suggest()
    {
        NextActions.For(Store(blogs: 5, live: true, shared: true)).ShouldNotBeEmpty();
    }
}
