using CreatorOS.Contracts.Storefront;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Nudges;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>
/// A transient save failure (busy database, dropped connection) while a trigger records a milestone
/// or schedules nudges loses nothing and duplicates nothing: the work is all-or-nothing and the
/// integration event is handled again.
/// </summary>
public sealed class LostMessageTests
{
    private static readonly Dictionary<string, string?> NoBackgroundJobs = new() { ["Jobs:AutoStart"] = "false" };

    private static Task<CreatorOsHost> HostAsync(DatabaseProvider provider, TransientSaveFault fault) =>
        CreatorOsHost.StartAsync(provider, services => services.ConfigureDbContext<EngagementDbContext>((_, options) => options.AddInterceptors(fault)), NoBackgroundJobs);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_failed_save_of_a_milestone_nudge_is_retried_with_the_event_and_announced_once(DatabaseProvider provider)
    {
        var fault = new TransientSaveFault();
        await using var host = await HostAsync(provider, fault);
        var (_, account) = await EngagementHosts.SignedInAsync(host, $"lost-{provider}@example.com");
        var (workspaceId, userId) = (account.WorkspaceId!.Value, account.UserId!.Value);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IStorefront>();
            await store.UpdateProfileAsync(workspaceId, new ProfileChange(PreferredName: "Sam"), CancellationToken.None);
            fault.Arm();
            await store.AddSubscriberAsync(workspaceId, "Alex", CancellationToken.None);
        }

        await host.FlushEventsAsync();
        await host.FlushEventsAsync();
        fault.Fired.ShouldBe(1, "the milestone's save failed once");

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NudgeProcessor>().ProcessDueAsync(DateTimeOffset.UtcNow, CancellationToken.None);
            var engagement = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
            (await engagement.Milestones.AsNoTracking().Where(m => m.WorkspaceId == workspaceId).Select(m => m.Key).ToListAsync()).ShouldBe(["subscribers:1"]);
            (await engagement.Nudges.AsNoTracking().CountAsync(n => n.UserId == userId && n.IdempotencyKey == "milestone:subscribers:1")).ShouldBe(1);
            var said = await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().Messages.AsNoTracking()
                .Where(m => m.UserId == userId && m.ClientMessageId != null).Select(m => m.Content).ToListAsync();
            said.ShouldBe(["🎉🎉🎉 Sam, you just got your FIRST SUBSCRIBER! Alex just signed up. This is HUGE!"]);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_failed_save_while_scheduling_the_first_week_stores_none_and_throws_so_the_retry_stores_all_four(DatabaseProvider provider)
    {
        var fault = new TransientSaveFault();
        await using var host = await HostAsync(provider, fault);
        var (_, account) = await EngagementHosts.SignedInAsync(host, $"week-{provider}@example.com");
        var (workspaceId, userId) = (account.WorkspaceId!.Value, account.UserId!.Value);
        var completed = new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

        async Task<int> ScheduleAsync()
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NudgeScheduler>().ScheduleFirstWeekAsync(workspaceId, userId, completed, CancellationToken.None);
        }

        async Task<int> StoredAsync()
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<EngagementDbContext>().Nudges.AsNoTracking().CountAsync(n => n.UserId == userId);
        }

        fault.Arm();
        await Should.ThrowAsync<Exception>(ScheduleAsync); // EF wraps it per provider (DbUpdateException, InvalidOperationException)
        (await StoredAsync()).ShouldBe(0, "nothing half-written");
        (await ScheduleAsync()).ShouldBe(4);
        (await ScheduleAsync()).ShouldBe(0, "scheduling the same occasion again adds nothing");
        (await StoredAsync()).ShouldBe(4);
    }
}
