using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Storefront.Pricing;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.UnitTests.Storefront;

/// <summary>Posts added as a set (Avery's three starter posts) and the niche benchmarks Avery prices from.</summary>
public sealed class BlogBatchAndBenchmarkTests : IAsyncLifetime
{
    private static readonly Guid Sam = Guid.Parse("0195a3b2-0000-7000-8000-00000000001a");
    private static readonly Guid Lee = Guid.Parse("0195a3b2-0000-7000-8000-00000000001b");
    private static readonly Guid Kim = Guid.Parse("0195a3b2-0000-7000-8000-00000000001c");
    private static readonly Guid Ana = Guid.Parse("0195a3b2-0000-7000-8000-00000000001d");
    private StorefrontDatabase _database = default!;

    private static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync() => _database = await StorefrontDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_set_of_posts_is_one_save_with_one_event_and_distinct_slugs()
    {
        await _database.NewStorekeeper().OpenAsync(Sam, "Strong with Sam", Ct);
        var savesBefore = _database.Probe.Saves.Count;
        var outboxBefore = await _database.CountAsync("storefront_outbox");

        var added = await _database.NewStorekeeper().AddBlogsAsync(Sam, [
            new BlogDraft("Three lifts", "## Squat\nSit back.", Publish: true),
            new BlogDraft("Three lifts", "## Bench\nFeet down.", Publish: true),
            new BlogDraft("Meal prep", "## Sunday\nCook once.", Publish: true),
        ], Ct);

        added.Succeeded.ShouldBeTrue();
        added.Value!.Select(b => b.Slug).ShouldBe(["three-lifts", "three-lifts-2", "meal-prep"]);
        var saves = _database.Probe.Saves.Skip(savesBefore).ToList();
        saves.ShouldHaveSingleItem().Count(e => e.Entity.Name == "Blog").ShouldBe(3);
        (await _database.CountAsync("storefront_outbox")).ShouldBe(outboxBefore + 1);
        await using var db = _database.NewContext();
        var last = (await db.Outbox.AsNoTracking().ToListAsync()).Select(m => m.Deserialize()).OfType<StoreChanged>().Last();
        last.Sections.ShouldBe([StoreSection.Blogs]);
        (await _database.NewStorekeeper().FindAsync(Sam, Ct))!.Blogs.Count.ShouldBe(3);
        (await _database.FreshStorekeeper().FindAsync(Sam, Ct))!.Blogs.Count.ShouldBe(3, "the tables hold what the kept view shows");
    }

    [Fact]
    public async Task One_invalid_post_in_a_set_adds_none_and_says_which()
    {
        await _database.NewStorekeeper().OpenAsync(Sam, "Strong with Sam", Ct);

        var added = await _database.NewStorekeeper().AddBlogsAsync(Sam, [
            new BlogDraft("Three lifts", "## Squat\nSit back.", Publish: true),
            new BlogDraft("   ", "No title here.", Publish: true),
        ], Ct);

        added.Succeeded.ShouldBeFalse();
        added.Errors.Keys.ShouldBe(["blogs[1].title"]);
        (await _database.CountAsync("storefront_blogs")).ShouldBe(0);
        (await _database.NewStorekeeper().AddBlogsAsync(Sam, [], Ct)).Errors.Keys.ShouldBe(["blogs"]);
    }

    [Fact]
    public async Task Benchmarks_cover_the_priced_stores_of_the_niche_and_currency_only()
    {
        await PricedStoreAsync(Sam, "fitness", "GBP", 9.99m, subscribers: 2);
        await PricedStoreAsync(Lee, "fitness", "GBP", 20m, subscribers: 1);
        await PricedStoreAsync(Kim, "wellness", "GBP", 50m, subscribers: 5);
        await PricedStoreAsync(Ana, "fitness", "USD", 99m, subscribers: 4);

        var benchmark = await _database.NewStorekeeper().GetNicheBenchmarksAsync(" Fitness ", "gbp", Ct);

        benchmark.ShouldBe(new NicheBenchmark("fitness", "GBP", 2, 9.99m, 15.00m, 20m, 1.5));
        (await _database.NewStorekeeper().GetNicheBenchmarksAsync("business", "GBP", Ct)).ShouldBe(new NicheBenchmark("business", "GBP", 0, null, null, null, null));
    }

    [Fact]
    public async Task Benchmarks_are_kept_for_a_minute_then_computed_again()
    {
        await PricedStoreAsync(Sam, "fitness", "GBP", 10m, subscribers: 0);
        (await _database.NewStorekeeper().GetNicheBenchmarksAsync("fitness", "GBP", Ct)).AvgPrice.ShouldBe(10m);

        await PricedStoreAsync(Lee, "fitness", "GBP", 20m, subscribers: 0);
        _database.Clock.Now += NicheBenchmarkCache.Lifetime - TimeSpan.FromSeconds(1);
        (await _database.NewStorekeeper().GetNicheBenchmarksAsync("fitness", "GBP", Ct)).StoreCount.ShouldBe(1, "a market figure may be a minute old");

        _database.Clock.Now += TimeSpan.FromSeconds(1);
        var fresh = await _database.NewStorekeeper().GetNicheBenchmarksAsync("fitness", "GBP", Ct);
        fresh.StoreCount.ShouldBe(2);
        fresh.AvgPrice.ShouldBe(15m);
    }

    private async Task PricedStoreAsync(Guid workspace, string niche, string currency, decimal price, int subscribers)
    {
        await _database.NewStorekeeper().OpenAsync(workspace, $"Store {workspace:N}", Ct);
        (await _database.NewStorekeeper().UpdateProfileAsync(workspace, new ProfileChange(Niche: niche), Ct)).Succeeded.ShouldBeTrue();
        (await _database.NewStorekeeper().SetPriceAsync(workspace, currency, price, Ct)).Succeeded.ShouldBeTrue();
        for (var i = 0; i < subscribers; i++)
        {
            (await _database.NewStorekeeper().AddSubscriberAsync(workspace, $"Subscriber {i}", Ct)).Succeeded.ShouldBeTrue();
        }
    }
}
