using System.Text.Json;
using CreatorOS.Contracts.Privacy;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Storefront.Privacy;

namespace CreatorOS.UnitTests.Storefront;

public sealed class StorefrontPersonalDataTests : IAsyncLifetime
{
    private static readonly Guid SamUser = Guid.NewGuid();
    private static readonly Guid SamWorkspace = Guid.NewGuid();
    private static readonly Guid LeeWorkspace = Guid.NewGuid();
    private StorefrontDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await StorefrontDatabase.CreateAsync();
        foreach (var (workspace, name) in new[] { (SamWorkspace, "Strong with Sam"), (LeeWorkspace, "Lee Lifts") })
        {
            var storekeeper = _database.NewStorekeeper();
            await storekeeper.OpenAsync(workspace, name, CancellationToken.None);
            await storekeeper.UpdateProfileAsync(workspace, new ProfileChange(PreferredName: name + " coach", Bio: "Bio of " + name), CancellationToken.None);
            await storekeeper.AddBlogAsync(workspace, new BlogDraft("Post by " + name, "Body", Publish: true), CancellationToken.None);
            await storekeeper.ScheduleLiveSessionAsync(workspace, "Session of " + name, _database.Clock.Now.AddDays(1), CancellationToken.None);
            await storekeeper.AddSubscriberAsync(workspace, "Fan of " + name, CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_export_holds_the_owners_store_with_everything_in_it()
    {
        await using var db = _database.NewContext();
        var export = await new StorefrontPersonalData(db).ExportAsync(new DataSubject(SamUser, [SamWorkspace]), CancellationToken.None);

        var json = JsonSerializer.Serialize(export);
        json.ShouldContain("Strong with Sam coach");
        json.ShouldContain("Post by Strong with Sam");
        json.ShouldContain("Session of Strong with Sam");
        json.ShouldContain("Fan of Strong with Sam");
        json.ShouldNotContain("Lee Lifts");
    }

    [Fact]
    public async Task Erasing_leaves_nothing_of_the_owner_in_any_storefront_table()
    {
        await using (var db = _database.NewContext())
        {
            await new StorefrontPersonalData(db).EraseAsync(new DataSubject(SamUser, [SamWorkspace]), CancellationToken.None);
        }

        (await _database.NewStorekeeper().FindAsync(SamWorkspace, CancellationToken.None)).ShouldBeNull();
        foreach (var table in new[] { "storefront_stores", "storefront_blogs", "storefront_live_sessions", "storefront_subscribers" })
        {
            (await _database.CountAsync(table)).ShouldBe(1, table);
        }

        await using var check = _database.NewContext();
        var payloads = check.Outbox.Select(m => m.Payload).ToList();
        payloads.ShouldNotBeEmpty();
        payloads.ShouldAllBe(p => !p.Contains(SamWorkspace.ToString("D"), StringComparison.OrdinalIgnoreCase));
        payloads.ShouldAllBe(p => p.Contains(LeeWorkspace.ToString("D"), StringComparison.OrdinalIgnoreCase));

        var lee = await _database.NewStorekeeper().FindAsync(LeeWorkspace, CancellationToken.None);
        lee!.Blogs.ShouldHaveSingleItem();
        lee.SubscriberCount.ShouldBe(1);
    }
}
