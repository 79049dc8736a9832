using CreatorOS.Contracts.Engagement;
using CreatorOS.Contracts.Storefront;
using CreatorOS.IntegrationTests.Assistant;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Notifications;
using CreatorOS.Modules.Engagement.Nudges;
using CreatorOS.Modules.Engagement.Triggers;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>
/// Spec 5.3's subscriber milestones when the count skips or events arrive out of order, values
/// that look like placeholders, and the coach's mute of the milestones category.
/// </summary>
public sealed class MilestoneTriggerTests
{
    private static readonly Dictionary<string, string?> NoBackgroundJobs = new() { ["Jobs:AutoStart"] = "false" };

    private static async Task<T> InScopeAsync<T>(CreatorOsHost host, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>The store reports a subscriber count, as its event would, and due nudges are sent.</summary>
    private static async Task JoinedAsync(CreatorOsHost host, Guid workspaceId, string name, int count)
    {
        await InScopeAsync(host, async services =>
        {
            var handler = services.GetServices<IIntegrationEventHandler<SubscriberJoined>>().OfType<MilestoneTriggers>().Single();
            await handler.HandleAsync(new SubscriberJoined(Guid.NewGuid(), DateTimeOffset.UtcNow, workspaceId, Guid.NewGuid(), name, count), CancellationToken.None);
            return 0;
        });
        await InScopeAsync(host, services => services.GetRequiredService<NudgeProcessor>().ProcessDueAsync(DateTimeOffset.UtcNow, CancellationToken.None));
    }

    private static Task<List<string>> SaidAsync(CreatorOsHost host, Guid userId) =>
        InScopeAsync(host, services => services.GetRequiredService<AssistantDbContext>().Messages.AsNoTracking()
            .Where(m => m.UserId == userId && m.ClientMessageId != null && m.ClientMessageId.StartsWith("nudge:"))
            .OrderBy(m => m.CreatedAt).Select(m => m.Content).ToListAsync());

    private static Task<List<string>> LedgerAsync(CreatorOsHost host, Guid workspaceId) =>
        InScopeAsync(host, services => services.GetRequiredService<EngagementDbContext>().Milestones.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.Key.StartsWith("subscribers:")).Select(m => m.Key).ToListAsync());

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_count_that_skips_milestones_records_each_one_passed_and_announces_only_the_highest(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider, settings: NoBackgroundJobs);
        var (_, account) = await EngagementHosts.SignedInAsync(host, $"skip-{provider}@example.com");
        var (workspaceId, userId) = (account.WorkspaceId!.Value, account.UserId!.Value);
        await InScopeAsync(host, services => services.GetRequiredService<IStorefront>().SetPriceAsync(workspaceId, "GBP", 9.99m, CancellationToken.None));

        await JoinedAsync(host, workspaceId, "Fan 2", 2);
        (await SaidAsync(host, userId)).ShouldBeEmpty("only the first subscriber's own event can name them");
        (await LedgerAsync(host, workspaceId)).ShouldBeEmpty();

        await JoinedAsync(host, workspaceId, "Fan 12", 12);
        (await SaidAsync(host, userId)).ShouldBe(["🎉 You just hit 10 subscribers! That's £99.90/month."]);
        (await LedgerAsync(host, workspaceId)).ShouldBe(["subscribers:1", "subscribers:10"], ignoreOrder: true);

        // The first subscriber's event handled late, a repeat, then a jump past two more milestones.
        await JoinedAsync(host, workspaceId, "Alex", 1);
        await JoinedAsync(host, workspaceId, "Fan 12", 12);
        await JoinedAsync(host, workspaceId, "Fan 51", 51);
        (await SaidAsync(host, userId)).ShouldBe(
        [
            "🎉 You just hit 10 subscribers! That's £99.90/month.",
            "🎉 You just hit 50 subscribers! That's £499.50/month.",
        ]);
        (await LedgerAsync(host, workspaceId)).ShouldBe(["subscribers:1", "subscribers:10", "subscribers:25", "subscribers:50"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_subscriber_name_with_braces_reaches_the_coach_as_written(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider, settings: NoBackgroundJobs);
        var (_, account) = await EngagementHosts.SignedInAsync(host, $"braces-{provider}@example.com");
        var (workspaceId, userId) = (account.WorkspaceId!.Value, account.UserId!.Value);
        await InScopeAsync(host, services => services.GetRequiredService<IStorefront>().UpdateProfileAsync(workspaceId, new ProfileChange(PreferredName: "Sam"), CancellationToken.None));

        await JoinedAsync(host, workspaceId, "Jo {visitors} {nickname}", 1);

        (await SaidAsync(host, userId)).ShouldBe(["🎉🎉🎉 Sam, you just got your FIRST SUBSCRIBER! Jo {visitors} {nickname} just signed up. This is HUGE!"]);
        var nudge = await InScopeAsync(host, services => services.GetRequiredService<EngagementDbContext>().Nudges.AsNoTracking().SingleAsync(n => n.UserId == userId));
        nudge.Template.ShouldBe(NudgeCatalogue.FirstSubscriber.Template, "the value is kept beside the template, not written into it");
        nudge.Status.ShouldBe(Nudge.Sent);
    }

    [Fact]
    public async Task A_coach_who_muted_milestones_in_the_app_hears_nothing_live_but_still_gets_the_email_they_allow()
    {
        await using var live = await LiveAvery.StartAsync(settings: NoBackgroundJobs);
        await live.SignUpAsync();
        var (client, _) = await live.OpenChatAsync();
        await using var _client = client;
        var store = await live.StoreAsync();
        var userId = await InScopeAsync(live.Host, services => services.GetRequiredService<CreatorOS.Modules.Accounts.Data.AccountsDbContext>().Users.Where(u => u.Email == "sam@example.com").Select(u => u.Id).SingleAsync());
        (await InScopeAsync(live.Host, services => services.GetRequiredService<Preferences>().MuteAsync(userId, NotificationCategories.Milestones, NotificationChannels.InApp, CancellationToken.None))).ShouldBeTrue();

        await JoinedAsync(live.Host, store.WorkspaceId, "Alex", 1);

        // A tip (not muted) sent after it is the next thing on the socket: the milestone never went out live.
        await InScopeAsync(live.Host, services => services.GetRequiredService<NudgeScheduler>()
            .ScheduleAsync(store.WorkspaceId, userId, NudgeCatalogue.ChurnRisk, NudgeCatalogue.ChurnRisk.Template, DateTimeOffset.UtcNow.AddMinutes(-1), "test:churn", CancellationToken.None));
        await InScopeAsync(live.Host, services => services.GetRequiredService<NudgeProcessor>().ProcessDueAsync(DateTimeOffset.UtcNow, CancellationToken.None));
        (await client.NextOfTypeAsync("avery_message")).Text("content")!.ShouldContain("your subscribers are asking when your next session is");

        var milestone = await InScopeAsync(live.Host, services => services.GetRequiredService<EngagementDbContext>().Nudges.AsNoTracking().SingleAsync(n => n.UserId == userId && n.NudgeType == NudgeCatalogue.FirstSubscriber.Type));
        milestone.Status.ShouldBe(Nudge.Sent);
        milestone.Channel.ShouldBe("notification", "only the channels the coach left on");
        (await SaidAsync(live.Host, userId)).ShouldNotContain(m => m.Contains("FIRST SUBSCRIBER"), "not stored in Avery's conversation either");

        var notification = await InScopeAsync(live.Host, services => services.GetRequiredService<EngagementDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.UserId == userId));
        notification.Category.ShouldBe(NotificationCategories.Milestones);
        notification.InInbox.ShouldBeFalse();
        (await InScopeAsync(live.Host, services => services.GetRequiredService<EngagementDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.NotificationId == notification.Id).Select(d => d.Channel).ToListAsync())).ShouldBe([NotificationChannels.Email]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_milestone_muted_on_every_channel_is_not_said_and_says_why(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider, settings: NoBackgroundJobs);
        var (_, account) = await EngagementHosts.SignedInAsync(host, $"muted-{provider}@example.com");
        var (workspaceId, userId) = (account.WorkspaceId!.Value, account.UserId!.Value);
        foreach (var channel in NotificationChannels.All)
        {
            await InScopeAsync(host, services => services.GetRequiredService<Preferences>().MuteAsync(userId, NotificationCategories.Milestones, channel, CancellationToken.None));
        }

        await JoinedAsync(host, workspaceId, "Alex", 1);

        (await SaidAsync(host, userId)).ShouldBeEmpty();
        var nudge = await InScopeAsync(host, services => services.GetRequiredService<EngagementDbContext>().Nudges.AsNoTracking().SingleAsync(n => n.UserId == userId));
        nudge.Status.ShouldBe(Nudge.Cancelled);
        nudge.LastError.ShouldBe("Muted: the coach turned off every channel for milestones.");
    }
}
