using System.Data.Common;
using CreatorOS.Contracts.Storefront;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CreatorOS.UnitTests.Storefront;

/// <summary>
/// After a change, the store's view is derived from the view before it rather than read back
/// (Storekeeper.WriteAsync); these prove the derived view is exactly what reading the tables gives,
/// and that a save racing another writer on the same store runs again instead of hiding its change.
/// </summary>
public sealed class StoreWriteThroughTests : IAsyncLifetime
{
    private static readonly Guid Sam = Guid.Parse("0195a3b2-0000-7000-8000-0000000000c1");
    private StorefrontDatabase _database = default!;

    private static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync() => _database = await StorefrontDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Every_kind_of_change_leaves_the_shared_view_equal_to_a_fresh_read()
    {
        await _database.NewStorekeeper().OpenAsync(Sam, "Strong with Sam", Ct);
        var changes = new List<(string Name, Func<IStorefront, Task<StoreResult>> Change)>
        {
            ("profile", s => s.UpdateProfileAsync(Sam, new ProfileChange(PreferredName: "Sam", Niche: "fitness", Bio: "I coach lifting."), Ct)),
            ("price", s => s.SetPriceAsync(Sam, "GBP", 12.99m, Ct)),
            ("template", s => s.ApplyTemplateAsync(Sam, "fitness_minimal", Ct)),
            ("draft", async s => await s.AddBlogAsync(Sam, new BlogDraft("Three lifts", "## Squat\nSit back.", Publish: false), Ct)),
            ("post", async s => await s.AddBlogAsync(Sam, new BlogDraft("Meal prep", "## Sunday\nCook once.", Publish: true), Ct)),
            ("session", async s => await s.ScheduleLiveSessionAsync(Sam, "Form check", _database.Clock.Now.AddDays(2), Ct)),
            ("subscriber", s => s.AddSubscriberAsync(Sam, "Alex", Ct)),
            ("shared", s => s.MarkSharedAsync(Sam, Ct)),
        };

        foreach (var (name, change) in changes)
        {
            // Each change a little later, as in a real conversation, so posts have distinct times.
            _database.Clock.Now = _database.Clock.Now.AddMinutes(1);
            (await change(_database.NewStorekeeper())).Succeeded.ShouldBeTrue(name);
            await ShouldMatchAFreshReadAsync(name);
        }

        var draft = (await _database.FreshStorekeeper().FindAsync(Sam, Ct))!.Blogs.Single(b => b.Title == "Three lifts");
        _database.Clock.Now = _database.Clock.Now.AddMinutes(1);
        (await _database.NewStorekeeper().PublishBlogAsync(Sam, draft.Id, Ct)).Succeeded.ShouldBeTrue();
        await ShouldMatchAFreshReadAsync("publish");

        (await _database.NewStorekeeper().DeleteBlogAsync(Sam, draft.Id, Ct)).Succeeded.ShouldBeTrue();
        await ShouldMatchAFreshReadAsync("delete");

        // A session that starts while its view is cached leaves the view at the next change.
        _database.Clock.Now = _database.Clock.Now.AddDays(3);
        (await _database.NewStorekeeper().SetPriceAsync(Sam, "GBP", 14m, Ct)).Succeeded.ShouldBeTrue();
        await ShouldMatchAFreshReadAsync("after the session started");
        (await _database.NewStorekeeper().FindAsync(Sam, Ct))!.LiveSessions.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_change_is_served_from_the_shared_view_without_reading_the_store_back()
    {
        await _database.NewStorekeeper().OpenAsync(Sam, "Strong with Sam", Ct);
        await _database.NewStorekeeper().FindAsync(Sam, Ct);

        var reads = new ReadCounter();
        var storekeeper = new CreatorOS.Modules.Storefront.Stores.Storekeeper(_database.NewContext(reads), _database.Views, _database.Benchmarks, _database.Clock);
        (await storekeeper.AddBlogAsync(Sam, new BlogDraft("Three lifts", "## Squat\nSit back."), Ct)).Succeeded.ShouldBeTrue();
        var readsForTheChange = reads.Count;
        var view = await storekeeper.FindAsync(Sam, Ct);

        view!.Blogs.Select(b => b.Title).ShouldBe(["Three lifts"]);
        reads.Count.ShouldBe(readsForTheChange, "the view after the change came from the write, not from the tables");
    }

    [Fact]
    public async Task Two_writers_racing_on_one_store_both_land_and_the_view_shows_both()
    {
        await _database.NewStorekeeper().OpenAsync(Sam, "Strong with Sam", Ct);
        await _database.NewStorekeeper().FindAsync(Sam, Ct);

        // The first writer loads the store, then, before it saves, a second request changes it.
        var interloper = new BeforeFirstSave(async () =>
            (await _database.NewStorekeeper().SetPriceAsync(Sam, "GBP", 9.99m, Ct)).Succeeded.ShouldBeTrue());
        var storekeeper = new CreatorOS.Modules.Storefront.Stores.Storekeeper(_database.NewContext(interloper), _database.Views, _database.Benchmarks, _database.Clock);
        (await storekeeper.AddBlogAsync(Sam, new BlogDraft("Three lifts", "## Squat\nSit back."), Ct)).Succeeded.ShouldBeTrue();

        interloper.Saves.ShouldBe(2, "the first save met a newer revision and the change ran again");
        var view = await _database.NewStorekeeper().FindAsync(Sam, Ct);
        view!.Price!.Amount.ShouldBe(9.99m);
        view.Blogs.Select(b => b.Title).ShouldBe(["Three lifts"]);
        await ShouldMatchAFreshReadAsync("race");
    }

    private async Task ShouldMatchAFreshReadAsync(string after)
    {
        var shared = await _database.NewStorekeeper().FindAsync(Sam, Ct);
        var fresh = await _database.FreshStorekeeper().FindAsync(Sam, Ct);
        Describe(shared!).ShouldBe(Describe(fresh!), $"after {after}");
    }

    /// <summary>
    /// Records compare their lists by reference, so the comparison goes through the items. Prices are
    /// brought to one scale: SQLite hands back 14 as 14.0, the same amount.
    /// </summary>
    private static string Describe(StoreView view) =>
        System.Text.Json.JsonSerializer.Serialize(view with { Price = view.Price is { } price ? price with { Amount = price.Amount + 0.00m } : null });

    private sealed class ReadCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                Count++;
            }

            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Runs another request's change just before this context's first save.</summary>
    private sealed class BeforeFirstSave(Func<Task> interlude) : SaveChangesInterceptor
    {
        public int Saves { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (++Saves == 1)
            {
                await interlude();
            }

            return result;
        }
    }
}
