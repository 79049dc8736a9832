using CreatorOS.Contracts.Jobs;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.Modules.Social.Data;
using CreatorOS.Modules.Social.Refresh;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Social;

/// <summary>Spec Ticket 3.5, run by calling the job directly (the scheduler is the Engagement module's).</summary>
public sealed class WeeklySocialRefreshTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Drafts_the_top_two_new_posts_queues_an_Avery_message_and_a_second_run_changes_nothing(DatabaseProvider provider)
    {
        await using var social = await SocialHarness.StartAsync(provider);
        social.Fake.Posts["instagram"].AddRange(
        [
            new("ig-old", "An old favourite from last month about rest days", Likes: 9000, PostedAt: Monday.AddDays(-30)),
            new("ig-1", "Three breathing drills before your heavy lifts", Likes: 50, Comments: 5, PostedAt: Monday.AddDays(-2)),
            new("ig-2", "Why I stopped counting every calorie this year", Likes: 80, Comments: 1, PostedAt: Monday.AddDays(-3)),
            new("ig-3", "A quick note on sleep and recovery for lifters", Likes: 10, PostedAt: Monday.AddDays(-1)),
        ]);
        await social.ConnectAsync("instagram");
        var workspaceId = await social.WorkspaceIdAsync();
        await SetLastSyncAsync(social, Monday.AddDays(-7));

        await RunAsync(social, Monday);
        await social.Avery.Host.FlushEventsAsync();

        var store = await social.Avery.StoreAsync();
        var drafts = store.Blogs.Where(b => b.SourcePlatform == "instagram").ToList();
        drafts.Select(d => d.SourcePostId).Order().ShouldBe(["ig-1", "ig-2"]);
        drafts.ShouldAllBe(d => d.Status == "draft" && d.CoverImageUrl != null && d.CoverImageUrl.EndsWith(".jpg"));
        (await social.ConnectionsAsync()).Single().LastSyncAt.ShouldBe(Monday);
        var messages = await AveryMessagesAsync(social, workspaceId);
        var message = messages.ShouldHaveSingleItem();
        message.Content.ShouldContain("Instagram");
        message.Buttons!.ShouldContain("publish_blogs");
        var before = await SnapshotAsync(social);

        // A misfire or "trigger now" runs the same fire again.
        await RunAsync(social, Monday);
        await social.Avery.Host.FlushEventsAsync();

        (await SnapshotAsync(social)).ShouldBe(before);
        (await AveryMessagesAsync(social, workspaceId)).Count.ShouldBe(1);

        // Next week only the post made since then, and nothing already drafted.
        social.Fake.Posts["instagram"].Add(new("ig-4", "What I eat the day before a competition", Likes: 1, PostedAt: Monday.AddDays(3)));
        await RunAsync(social, Monday.AddDays(7));
        (await social.Avery.StoreAsync()).Blogs.Where(b => b.SourcePlatform == "instagram").Select(b => b.SourcePostId).Order().ShouldBe(["ig-1", "ig-2", "ig-4"]);
    }

    [Fact]
    public async Task A_platform_that_is_down_leaves_last_sync_for_the_next_run()
    {
        await using var social = await SocialHarness.StartAsync();
        social.Fake.Posts["tiktok"].Add(new("tt-1", "The one stretch everyone shares with a friend", Likes: 1, PostedAt: Monday.AddDays(-1)));
        await social.ConnectAsync("tiktok");
        social.Fake.Down.Add("tiktok");

        await RunAsync(social, Monday);

        (await social.ConnectionsAsync()).Single().LastSyncAt.ShouldBeNull();
        (await social.Avery.StoreAsync()).Blogs.ShouldBeEmpty();

        social.Fake.Down.Clear();
        await RunAsync(social, Monday);
        (await social.Avery.StoreAsync()).Blogs.ShouldHaveSingleItem().SourcePostId.ShouldBe("tt-1");
    }

    private static Task<bool> RunAsync(SocialHarness social, DateTimeOffset scheduledAt) =>
        social.InScopeAsync(async s =>
        {
            var job = s.GetServices<IRecurringJob>().OfType<WeeklySocialRefresh>().Single();
            job.CronUtc.ShouldBe("0 0 6 ? * MON");
            await job.RunAsync(scheduledAt, default);
            return true;
        });

    private static Task<int> SetLastSyncAsync(SocialHarness social, DateTimeOffset at) =>
        social.InScopeAsync(s => s.GetRequiredService<SocialDbContext>().Connections.ExecuteUpdateAsync(c => c.SetProperty(x => x.LastSyncAt, at)));

    private static Task<List<Modules.Assistant.Conversation.ConversationMessage>> AveryMessagesAsync(SocialHarness social, Guid workspaceId) =>
        social.InScopeAsync(s => s.GetRequiredService<AssistantDbContext>().Messages.AsNoTracking().Where(m => m.WorkspaceId == workspaceId && m.Content.Contains("drafted")).ToListAsync());

    private static Task<string> SnapshotAsync(SocialHarness social) =>
        social.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SocialDbContext>();
            var connections = (await db.Connections.AsNoTracking().ToListAsync()).Select(c => $"{c.LastSyncAt:O}|{c.UpdatedAt:O}");
            var imported = await db.ImportedPosts.AsNoTracking().CountAsync();
            var outbox = await db.Outbox.AsNoTracking().CountAsync();
            var blogs = (await social.Avery.StoreAsync()).Blogs.Count;
            return string.Join(";", connections) + $"|{imported}|{outbox}|{blogs}";
        });
}
