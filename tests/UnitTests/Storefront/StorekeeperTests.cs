using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Storefront.Stores;
using CreatorOS.SharedKernel.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.UnitTests.Storefront;

public sealed class StorekeeperTests : IAsyncLifetime
{
    private static readonly Guid Sam = Guid.Parse("0195a3b2-0000-7000-8000-00000000000a");
    private static readonly Guid Lee = Guid.Parse("0195a3b2-0000-7000-8000-00000000000b");
    private readonly HashSet<Guid> _seenEvents = [];
    private StorefrontDatabase _database = default!;

    private static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync() => _database = await StorefrontDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Opening_a_store_derives_its_slug_and_is_idempotent()
    {
        var first = await _database.NewStorekeeper().OpenAsync(Sam, "Strong with Sam", Ct);
        var again = await _database.NewStorekeeper().OpenAsync(Sam, "Another name", Ct);

        again.Id.ShouldBe(first.Id);
        first.Slug.ShouldBe("strong-with-sam");
        first.Path.ShouldBe("/s/strong-with-sam");
        first.Theme.TemplateId.ShouldBe("creator_modern");
        first.Profile.Tone.ShouldBe("casual");
        first.Price.ShouldBeNull();
        (await _database.CountAsync("storefront_stores")).ShouldBe(1);
    }

    [Fact]
    public async Task A_second_store_with_the_same_name_gets_a_numbered_slug()
    {
        await _database.NewStorekeeper().OpenAsync(Sam, "Strong with Sam", Ct);

        var second = await _database.NewStorekeeper().OpenAsync(Lee, "Strong with Sam!", Ct);

        second.Slug.ShouldBe("strong-with-sam-2");
        (await _database.NewStorekeeper().FindBySlugAsync("STRONG-with-sam-2", Ct))!.WorkspaceId.ShouldBe(Lee);
    }

    [Fact]
    public async Task A_change_writes_exactly_one_event_in_the_same_save()
    {
        await OpenAsync(Sam);
        _database.Probe.Saves.Clear();
        var outboxBefore = await _database.CountAsync("storefront_outbox");

        var result = await _database.NewStorekeeper().UpdateProfileAsync(Sam, new ProfileChange(PreferredName: "Sam", Bio: "I help busy parents lift."), Ct);

        result.Succeeded.ShouldBeTrue();
        _database.Probe.Saves.Count.ShouldBe(1);
        _database.Probe.Saves[0].ShouldContain((typeof(Store), Microsoft.EntityFrameworkCore.EntityState.Modified));
        _database.Probe.Saves[0].ShouldContain((typeof(OutboxMessage), Microsoft.EntityFrameworkCore.EntityState.Added));
        (await _database.CountAsync("storefront_outbox")).ShouldBe(outboxBefore + 1);
        var changed = await LastEventAsync();
        changed.WorkspaceId.ShouldBe(Sam);
        changed.Sections.ShouldBe([StoreSection.Hero]);
        changed.OccurredAt.ShouldBe(_database.Clock.Now);
    }

    [Theory]
    [InlineData("price")]
    [InlineData("template")]
    [InlineData("blog")]
    [InlineData("session")]
    [InlineData("shared")]
    [InlineData("subscriber")]
    public async Task Each_change_names_the_section_it_touched(string change)
    {
        await OpenAsync(Sam);
        var storekeeper = _database.NewStorekeeper();

        StoreResult result = change switch
        {
            "price" => await storekeeper.SetPriceAsync(Sam, "gbp", 12.99m, Ct),
            "template" => await storekeeper.ApplyTemplateAsync(Sam, "fitness_dark", Ct),
            "blog" => await storekeeper.AddBlogAsync(Sam, new BlogDraft("First post", "Hello"), Ct),
            "session" => await storekeeper.ScheduleLiveSessionAsync(Sam, "Live Q&A", _database.Clock.Now.AddDays(2), Ct),
            "shared" => await storekeeper.MarkSharedAsync(Sam, Ct),
            _ => await storekeeper.AddSubscriberAsync(Sam, "Priya", Ct),
        };

        result.Succeeded.ShouldBeTrue();
        (await LastEventAsync()).Sections.ShouldHaveSingleItem().ShouldBe(change switch
        {
            "price" => StoreSection.Pricing,
            "template" => StoreSection.Theme,
            "blog" => StoreSection.Blogs,
            "session" => StoreSection.Sessions,
            "shared" => StoreSection.Sharing,
            _ => StoreSection.Pricing,
        });
    }

    [Fact]
    public async Task A_change_bumps_updated_at()
    {
        await OpenAsync(Sam);
        _database.Clock.Now = _database.Clock.Now.AddMinutes(5);

        await _database.NewStorekeeper().SetPriceAsync(Sam, "USD", 20m, Ct);

        var store = await _database.NewStorekeeper().FindAsync(Sam, Ct);
        store!.UpdatedAt.ShouldBe(_database.Clock.Now);
        store.Price.ShouldBe(new StorePriceView("USD", 20m, "$20.00/month"));
    }

    [Fact]
    public async Task An_invalid_change_writes_nothing()
    {
        await OpenAsync(Sam);
        await _database.NewStorekeeper().SetPriceAsync(Sam, "GBP", 12.99m, Ct);
        _database.Probe.Saves.Clear();
        var outboxBefore = await _database.CountAsync("storefront_outbox");
        var before = await _database.NewStorekeeper().FindAsync(Sam, Ct);

        var storekeeper = _database.NewStorekeeper();
        var results = new StoreResult[]
        {
            await storekeeper.UpdateProfileAsync(Sam, new ProfileChange(PreferredName: "Sam", Niche: "cooking"), Ct),
            await storekeeper.SetPriceAsync(Sam, "GBP", 12.999m, Ct),
            await storekeeper.SetPriceAsync(Sam, "GBP", 0m, Ct),
            await storekeeper.ApplyTemplateAsync(Sam, "neon_disco", Ct),
            await storekeeper.AddBlogAsync(Sam, new BlogDraft("", "body"), Ct),
            await storekeeper.ScheduleLiveSessionAsync(Sam, "Too late", _database.Clock.Now.AddHours(-1), Ct),
            await storekeeper.AddSubscriberAsync(Sam, "  ", Ct),
        };

        results.ShouldAllBe(r => !r.Succeeded && r.Errors.Count > 0);
        results[0].Errors.Keys.ShouldBe(["niche"]);
        results[1].Errors["amount"].ShouldBe("The price can have at most 2 decimal places.");
        results[2].Errors["amount"].ShouldBe("The price must be more than zero.");
        _database.Probe.Saves.ShouldBeEmpty();
        (await _database.CountAsync("storefront_outbox")).ShouldBe(outboxBefore);
        var after = await _database.NewStorekeeper().FindAsync(Sam, Ct);
        after!.Profile.ShouldBe(before!.Profile);
        after.Price.ShouldBe(before.Price);
        after.UpdatedAt.ShouldBe(before.UpdatedAt);
        after.Blogs.ShouldBeEmpty();
        after.LiveSessions.ShouldBeEmpty();
        after.SubscriberCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_change_that_changes_nothing_raises_no_event()
    {
        await OpenAsync(Sam);
        await _database.NewStorekeeper().SetPriceAsync(Sam, "GBP", 12.99m, Ct);
        var outboxBefore = await _database.CountAsync("storefront_outbox");

        (await _database.NewStorekeeper().SetPriceAsync(Sam, "gbp", 12.99m, Ct)).Succeeded.ShouldBeTrue();

        (await _database.CountAsync("storefront_outbox")).ShouldBe(outboxBefore);
    }

    [Fact]
    public async Task A_workspace_without_a_store_is_told_so()
    {
        var result = await _database.NewStorekeeper().SetPriceAsync(Lee, "GBP", 10m, Ct);

        result.Succeeded.ShouldBeFalse();
        result.Errors["store"].ShouldBe("This workspace has no store yet.");
        (await _database.NewStorekeeper().AddBlogAsync(Lee, new BlogDraft("T", "B"), Ct)).Errors["store"].ShouldBe("This workspace has no store yet.");
        (await _database.NewStorekeeper().FindAsync(Lee, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Another_workspace_cannot_touch_this_store()
    {
        await OpenAsync(Sam);
        await OpenAsync(Lee, "Lee Lifts");
        var draft = await _database.NewStorekeeper().AddBlogAsync(Sam, new BlogDraft("Sam's draft", "Private until published"), Ct);
        await NewEventsAsync();
        var samBefore = await _database.NewStorekeeper().FindAsync(Sam, Ct);
        var outboxBefore = await _database.CountAsync("storefront_outbox");

        var storekeeper = _database.NewStorekeeper();
        (await storekeeper.PublishBlogAsync(Lee, draft.Value!.Id, Ct)).Errors["blog"].ShouldBe("That post was not found in your store.");
        (await storekeeper.DeleteBlogAsync(Lee, draft.Value.Id, Ct)).Errors["blog"].ShouldBe("That post was not found in your store.");
        (await storekeeper.UpdateProfileAsync(Lee, new ProfileChange(PreferredName: "Lee"), Ct)).Succeeded.ShouldBeTrue();

        var samAfter = await _database.NewStorekeeper().FindAsync(Sam, Ct);
        samAfter!.Blogs.ShouldHaveSingleItem().Status.ShouldBe("draft");
        samAfter.Profile.ShouldBe(samBefore!.Profile);
        samAfter.UpdatedAt.ShouldBe(samBefore.UpdatedAt);
        (await _database.NewStorekeeper().FindAsync(Lee, Ct))!.Profile.PreferredName.ShouldBe("Lee");
        (await _database.CountAsync("storefront_outbox")).ShouldBe(outboxBefore + 1);
        (await LastEventAsync()).WorkspaceId.ShouldBe(Lee);
    }

    [Fact]
    public async Task Setting_a_niche_applies_its_default_template_until_one_is_chosen()
    {
        await OpenAsync(Sam);

        await _database.NewStorekeeper().UpdateProfileAsync(Sam, new ProfileChange(Niche: "Fitness"), Ct);
        var store = await _database.NewStorekeeper().FindAsync(Sam, Ct);
        store!.Profile.Niche.ShouldBe("fitness");
        store.Theme.TemplateId.ShouldBe("fitness_bold");
        store.Theme.HeroStyle.ShouldBe("full-bleed");
        (await LastEventAsync()).Sections.ShouldBe([StoreSection.Hero, StoreSection.Theme]);

        await _database.NewStorekeeper().ApplyTemplateAsync(Sam, "WELLNESS_WARM", Ct);
        (await LastEventAsync()).Sections.ShouldBe([StoreSection.Theme]);
        await _database.NewStorekeeper().UpdateProfileAsync(Sam, new ProfileChange(Niche: "business"), Ct);

        store = await _database.NewStorekeeper().FindAsync(Sam, Ct);
        store!.Theme.TemplateId.ShouldBe("wellness_warm");
        store.Theme.TemplateName.ShouldBe("Wellness Warm");
        (await LastEventAsync()).Sections.ShouldBe([StoreSection.Hero]);
    }

    [Fact]
    public async Task Blogs_get_per_store_slugs_excerpts_and_tags()
    {
        await OpenAsync(Sam);
        await OpenAsync(Lee, "Lee Lifts");
        var storekeeper = _database.NewStorekeeper();

        var first = await storekeeper.AddBlogAsync(Sam, new BlogDraft("5 Squat Mistakes!", "**Knees** out. <script>x</script>", "Training", ["squats", " Form ", "squats"], "/img/cover.jpg", "instagram", "ig-123", Publish: true), Ct);
        var second = await storekeeper.AddBlogAsync(Sam, new BlogDraft("5 squat mistakes", "Again"), Ct);
        var lees = await storekeeper.AddBlogAsync(Lee, new BlogDraft("5 squat mistakes", "Lee's take"), Ct);

        first.Value!.Slug.ShouldBe("5-squat-mistakes");
        second.Value!.Slug.ShouldBe("5-squat-mistakes-2");
        lees.Value!.Slug.ShouldBe("5-squat-mistakes");
        first.Value.Tags.ShouldBe(["squats", "Form"]);
        first.Value.Excerpt.ShouldBe("Knees out. <script>x</script>");
        first.Value.Status.ShouldBe("published");
        first.Value.PublishedAt.ShouldBe(_database.Clock.Now);
        first.Value.SourcePlatform.ShouldBe("instagram");
        second.Value.Status.ShouldBe("draft");
        second.Value.PublishedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Only_published_posts_are_readable_publicly()
    {
        await OpenAsync(Sam);
        var storekeeper = _database.NewStorekeeper();
        var draft = await storekeeper.AddBlogAsync(Sam, new BlogDraft("Coming soon", "Hello <script>alert(1)</script>"), Ct);

        (await storekeeper.FindPublishedBlogAsync("sam-store", "coming-soon", Ct)).ShouldBeNull();

        (await _database.NewStorekeeper().PublishBlogAsync(Sam, draft.Value!.Id, Ct)).Succeeded.ShouldBeTrue();
        var post = await _database.NewStorekeeper().FindPublishedBlogAsync("sam-store", "coming-soon", Ct);

        post.ShouldNotBeNull();
        post.Blog.Title.ShouldBe("Coming soon");
        post.Html.ShouldNotContain("<script");
        (await _database.NewStorekeeper().FindPublishedBlogAsync("other-store", "coming-soon", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Deleting_a_post_removes_it()
    {
        await OpenAsync(Sam);
        var post = await _database.NewStorekeeper().AddBlogAsync(Sam, new BlogDraft("Bye", "Soon gone", Publish: true), Ct);
        await NewEventsAsync();

        (await _database.NewStorekeeper().DeleteBlogAsync(Sam, post.Value!.Id, Ct)).Succeeded.ShouldBeTrue();

        (await _database.NewStorekeeper().FindAsync(Sam, Ct))!.Blogs.ShouldBeEmpty();
        (await LastEventAsync()).Sections.ShouldBe([StoreSection.Blogs]);
        (await _database.NewStorekeeper().DeleteBlogAsync(Sam, post.Value.Id, Ct)).Errors.Keys.ShouldContain("blog");
    }

    [Fact]
    public async Task The_store_shows_upcoming_sessions_in_order_and_counts_subscribers()
    {
        await OpenAsync(Sam);
        var now = _database.Clock.Now;
        var storekeeper = _database.NewStorekeeper();
        await storekeeper.ScheduleLiveSessionAsync(Sam, "Later", now.AddDays(10), Ct);
        await storekeeper.ScheduleLiveSessionAsync(Sam, "Sooner", now.AddHours(3), Ct);
        await storekeeper.ScheduleLiveSessionAsync(Sam, "Tomorrow", now.AddDays(1), Ct);
        await storekeeper.AddSubscriberAsync(Sam, "Priya", Ct);
        await storekeeper.AddSubscriberAsync(Sam, "Tom", Ct);

        _database.Clock.Now = now.AddHours(4);
        var store = await _database.NewStorekeeper().FindAsync(Sam, Ct);

        store!.LiveSessions.Select(s => s.Title).ShouldBe(["Tomorrow", "Later"]);
        store.SubscriberCount.ShouldBe(2);
    }

    [Fact]
    public async Task Marking_shared_happens_once()
    {
        await OpenAsync(Sam);
        await _database.NewStorekeeper().MarkSharedAsync(Sam, Ct);
        var outbox = await _database.CountAsync("storefront_outbox");

        await _database.NewStorekeeper().MarkSharedAsync(Sam, Ct);

        (await _database.NewStorekeeper().FindAsync(Sam, Ct))!.IsShared.ShouldBeTrue();
        (await _database.CountAsync("storefront_outbox")).ShouldBe(outbox);
    }

    private async Task OpenAsync(Guid workspaceId, string name = "Sam Store")
    {
        await _database.NewStorekeeper().OpenAsync(workspaceId, name, Ct);
        await NewEventsAsync();
    }

    /// <summary>The one event written since the last look (ids of one millisecond are not ordered, so "last" means "not seen before").</summary>
    private async Task<StoreChanged> LastEventAsync() => (await NewEventsAsync()).ShouldHaveSingleItem();

    private async Task<IReadOnlyList<StoreChanged>> NewEventsAsync()
    {
        await using var db = _database.NewContext();
        var messages = await db.Outbox.AsNoTracking().ToListAsync();
        // Other events (SubscriberJoined) share the outbox; these tests look at store changes.
        var fresh = messages.Where(m => _seenEvents.Add(m.Id)).Select(m => m.Deserialize()).OfType<StoreChanged>().ToList();
        return fresh;
    }
}
