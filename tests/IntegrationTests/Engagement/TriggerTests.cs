using CreatorOS.Contracts.Jobs;
using CreatorOS.Contracts.Storefront;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Nudges;
using CreatorOS.Modules.Engagement.Triggers;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>Spec 5.3: real-time milestone triggers from the store's events, and the daily churn-risk check.</summary>
public sealed class TriggerTests
{
    private static readonly Dictionary<string, string?> NoBackgroundJobs = new() { ["Jobs:AutoStart"] = "false" };

    private static async Task<T> InScopeAsync<T>(CreatorOsHost host, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task First_subscriber_and_the_tenth_are_celebrated_once_with_the_monthly_revenue(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider, settings: NoBackgroundJobs);
        var (_, account) = await EngagementHosts.SignedInAsync(host, $"subs-{provider}@example.com");
        var (workspaceId, userId) = (account.WorkspaceId!.Value, account.UserId!.Value);
        await InScopeAsync(host, async services =>
        {
            var store = services.GetRequiredService<IStorefront>();
            await store.UpdateProfileAsync(workspaceId, new ProfileChange(PreferredName: "Sam"), CancellationToken.None);
            await store.SetPriceAsync(workspaceId, "GBP", 9.99m, CancellationToken.None);
            for (var i = 1; i <= 11; i++)
            {
                await store.AddSubscriberAsync(workspaceId, i == 1 ? "Alex" : $"Fan {i}", CancellationToken.None);
            }

            return 0;
        });
        await host.FlushEventsAsync();
        await host.FlushEventsAsync();
        await InScopeAsync(host, services => services.GetRequiredService<NudgeProcessor>().ProcessDueAsync(DateTimeOffset.UtcNow, CancellationToken.None));

        var said = await InScopeAsync(host, services => services.GetRequiredService<AssistantDbContext>().Messages.AsNoTracking()
            .Where(m => m.UserId == userId && m.ClientMessageId != null).OrderBy(m => m.CreatedAt).Select(m => m.Content).ToListAsync());
        // 11 × £9.99 is also past the first revenue milestone; events are handled after all 11 joined, so order varies.
        said.ShouldBe(
        [
            "🎉🎉🎉 Sam, you just got your FIRST SUBSCRIBER! Alex just signed up. This is HUGE!",
            "🎉 You just hit 10 subscribers! That's £99.90/month.",
            "💰 You just crossed £100/month in subscription revenue!",
        ], ignoreOrder: true);
        (await InScopeAsync(host, services => services.GetRequiredService<EngagementDbContext>().Milestones.CountAsync(m => m.WorkspaceId == workspaceId))).ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Revenue_milestones_follow_monthly_revenue_from_subscribers_and_price_changes_and_fire_once_each(DatabaseProvider provider)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var host = await CreatorOsHost.StartAsync(provider, services => services.AddSingleton<TimeProvider>(clock), NoBackgroundJobs);
        var (_, account) = await EngagementHosts.SignedInAsync(host, $"revenue-{provider}@example.com");
        var (workspaceId, userId) = (account.WorkspaceId!.Value, account.UserId!.Value);

        // One store change at a time, its events handled and due nudges sent, as in production.
        async Task StepAsync(Func<IStorefront, Task> change)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await InScopeAsync(host, async services =>
            {
                await change(services.GetRequiredService<IStorefront>());
                return 0;
            });
            await host.FlushEventsAsync();
            await host.FlushEventsAsync();
            await InScopeAsync(host, services => services.GetRequiredService<NudgeProcessor>().ProcessDueAsync(clock.GetUtcNow(), CancellationToken.None));
        }

        async Task<List<string>> RevenueMessagesAsync() =>
            await InScopeAsync(host, services => services.GetRequiredService<AssistantDbContext>().Messages.AsNoTracking()
                .Where(m => m.UserId == userId && m.ClientMessageId != null && m.Content.StartsWith("💰")).OrderBy(m => m.CreatedAt).Select(m => m.Content).ToListAsync());

        await StepAsync(store => store.SetPriceAsync(workspaceId, "GBP", 10m, CancellationToken.None));
        for (var i = 1; i <= 9; i++)
        {
            await StepAsync(store => store.AddSubscriberAsync(workspaceId, $"Fan {i}", CancellationToken.None));
        }

        (await RevenueMessagesAsync()).ShouldBeEmpty("9 × £10 is £90 a month");

        await StepAsync(store => store.AddSubscriberAsync(workspaceId, "Fan 10", CancellationToken.None));
        await StepAsync(store => store.SetPriceAsync(workspaceId, "GBP", 49.99m, CancellationToken.None));
        (await RevenueMessagesAsync()).ShouldBe(["💰 You just crossed £100/month in subscription revenue!"], "£100 on the tenth subscriber; £499.90 is short of £500");

        await StepAsync(store => store.SetPriceAsync(workspaceId, "GBP", 60m, CancellationToken.None));
        await StepAsync(store => store.SetPriceAsync(workspaceId, "GBP", 5m, CancellationToken.None));
        await StepAsync(store => store.SetPriceAsync(workspaceId, "GBP", 60m, CancellationToken.None));
        await StepAsync(store => store.SetPriceAsync(workspaceId, "GBP", 600m, CancellationToken.None));
        (await RevenueMessagesAsync()).ShouldBe(
        [
            "💰 You just crossed £100/month in subscription revenue!",
            "💰 You just crossed £500/month in subscription revenue!",
            "💰 You just crossed £5,000/month in subscription revenue!",
        ], "falling back and climbing again repeats nothing; a jump past two milestones announces the higher");
        (await InScopeAsync(host, services => services.GetRequiredService<EngagementDbContext>().Milestones.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.Key.StartsWith("revenue:")).Select(m => m.Key).ToListAsync()))
            .ShouldBe(["revenue:100", "revenue:500", "revenue:1000", "revenue:5000"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Churn_check_nudges_after_3_and_7_quiet_days_with_a_72_hour_cooldown(DatabaseProvider provider)
    {
        var start = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        await using var host = await CreatorOsHost.StartAsync(provider, services => services.AddSingleton<TimeProvider>(clock), NoBackgroundJobs);
        var (_, account) = await EngagementHosts.SignedInAsync(host, $"churn-{provider}@example.com");
        var (workspaceId, userId) = (account.WorkspaceId!.Value, account.UserId!.Value);
        await InScopeAsync(host, async services =>
        {
            await services.GetRequiredService<NudgeScheduler>().ScheduleFirstWeekAsync(workspaceId, userId, start, CancellationToken.None);
            var assistant = services.GetRequiredService<AssistantDbContext>();
            assistant.Conversations.Add(new CreatorOS.Modules.Assistant.Conversation.CoachConversation
            {
                WorkspaceId = workspaceId, UserId = userId, CurrentPhase = "complete", PhaseData = "{}", OnboardingComplete = true,
                LastInteractionAt = start, CreatedAt = start, UpdatedAt = start,
            });
            return await assistant.SaveChangesAsync();
        });

        for (var day = 1; day <= 12; day++)
        {
            clock.Set(start.AddDays(day));
            await InScopeAsync(host, async services =>
            {
                var job = services.GetServices<IRecurringJob>().OfType<ChurnRiskJob>().Single();
                await job.RunAsync(clock.GetUtcNow(), CancellationToken.None);
                await job.RunAsync(clock.GetUtcNow(), CancellationToken.None);
                return 0;
            });
        }

        var churn = await InScopeAsync(host, services => services.GetRequiredService<EngagementDbContext>().Nudges.AsNoTracking()
            .Where(n => n.UserId == userId && n.IdempotencyKey.StartsWith("churn:")).OrderBy(n => n.ScheduledFor).ToListAsync());
        churn.Select(n => ((int)(n.ScheduledFor - start).TotalDays, n.NudgeType)).ShouldBe(
        [
            (3, "no_login_3_days"),
            (6, "no_login_3_days"),
            (9, "churn_risk"),
            (12, "churn_risk"),
        ]);
    }
}
