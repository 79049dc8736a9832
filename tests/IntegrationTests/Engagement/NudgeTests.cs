using System.Net;
using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Engagement;
using CreatorOS.Contracts.Storefront;
using CreatorOS.IntegrationTests.Assistant;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Nudges;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>Spec 5.1-5.2: completion schedules the first week's nudges; the processor delivers each exactly once.</summary>
public sealed class NudgeTests
{
    private static readonly Dictionary<string, string?> NoBackgroundJobs = new() { ["Jobs:AutoStart"] = "false" };

    private static async Task<T> InScopeAsync<T>(CreatorOsHost host, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static Task<int> ProcessAsync(CreatorOsHost host, DateTimeOffset now) =>
        InScopeAsync(host, services => services.GetRequiredService<NudgeProcessor>().ProcessDueAsync(now, CancellationToken.None));

    private static Task<List<Nudge>> NudgesAsync(CreatorOsHost host, Guid userId) =>
        InScopeAsync(host, services => services.GetRequiredService<EngagementDbContext>().Nudges.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.ScheduledFor).ToListAsync());

    private static Task<List<string>> AveryNudgeMessagesAsync(CreatorOsHost host, Guid userId) =>
        InScopeAsync(host, services => services.GetRequiredService<AssistantDbContext>().Messages.AsNoTracking()
            .Where(m => m.UserId == userId && m.ClientMessageId != null && m.ClientMessageId.StartsWith("nudge:"))
            .OrderBy(m => m.CreatedAt).Select(m => m.Content).ToListAsync());

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_fake_week_after_onboarding_delivers_day_2_3_5_7_once_each_with_the_stores_figures(DatabaseProvider provider)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));
        await using var host = await CreatorOsHost.StartAsync(provider, services => services.AddSingleton<TimeProvider>(clock), NoBackgroundJobs);
        var (coach, account) = await EngagementHosts.SignedInAsync(host, $"week-{provider}@example.com");
        var (workspaceId, userId) = (account.WorkspaceId!.Value, account.UserId!.Value);
        await InScopeAsync(host, async services =>
        {
            var store = services.GetRequiredService<IStorefront>();
            await store.UpdateProfileAsync(workspaceId, new ProfileChange(PreferredName: "Sam"), CancellationToken.None);
            return await store.SetPriceAsync(workspaceId, "GBP", 9m, CancellationToken.None);
        });

        // Completion, delivered twice (at-least-once events): the week is scheduled once.
        var completed = new OnboardingCompleted(Guid.NewGuid(), clock.GetUtcNow(), workspaceId, userId);
        for (var i = 0; i < 2; i++)
        {
            await InScopeAsync(host, async services =>
            {
                await services.GetRequiredService<IIntegrationEventHandler<OnboardingCompleted>>().HandleAsync(completed, CancellationToken.None);
                return 0;
            });
        }

        (await NudgesAsync(host, userId)).Select(n => (n.NudgeType, n.ScheduledFor)).ShouldBe(
        [
            ("day2_morning", new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)),
            ("day3_stripe", new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)),
            ("day5_blogs", new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)),
            ("day7_recap", new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero)),
        ]);

        // Walk the week hour by hour, as the 5-minute job would (twice per tick: a second run finds nothing).
        for (var hour = 1; hour <= 7 * 24; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            if (clock.GetUtcNow() == new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero))
            {
                await InScopeAsync(host, services => services.GetRequiredService<IStorefront>().AddBlogAsync(workspaceId, new BlogDraft("Meal prep for busy parents", "Plan, shop, cook."), CancellationToken.None));
            }

            if (clock.GetUtcNow() == new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero))
            {
                await InScopeAsync(host, services => services.GetRequiredService<IStorefront>().AddSubscriberAsync(workspaceId, "Alex", CancellationToken.None));
            }

            await ProcessAsync(host, clock.GetUtcNow());
            (await ProcessAsync(host, clock.GetUtcNow())).ShouldBe(0);
        }

        var nudges = await NudgesAsync(host, userId);
        nudges.ShouldAllBe(n => n.Status == Nudge.Sent && n.Channel == "stored");
        nudges.Select(n => n.SentAt).ShouldBe(nudges.Select(n => (DateTimeOffset?)n.ScheduledFor));
        var said = await AveryNudgeMessagesAsync(host, userId);
        said.ShouldBe(
        [
            "Coaches who go live in Week 1 get subs 3x faster. Want to schedule your first live session?",
            "Haven't connected Stripe yet. Want me to walk you through it?",
            "1 new blog drafts ready from your latest posts: “Meal prep for busy parents”",
            "Week 1 recap: 0 posts, 1 subs. Nice work, Sam — let's plan week 2!",
        ]);

        // Offline all week: each is also in the inbox (category nudges), once.
        var inbox = await InScopeAsync(host, services => services.GetRequiredService<EngagementDbContext>().Notifications.AsNoTracking().Where(n => n.UserId == userId).ToListAsync());
        inbox.Count.ShouldBe(4);
        inbox.ShouldAllBe(n => n.Category == NotificationCategories.Nudges && n.Link == "/avery");

        // "Remind tomorrow" on the Stripe nudge: recorded once, and the nudge comes back a day later.
        var stripe = nudges.Single(n => n.NudgeType == "day3_stripe");
        (await EngagementHosts.AnswerNudgeAsync(coach, stripe.Id, "remind_tomorrow")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EngagementHosts.AnswerNudgeAsync(coach, stripe.Id, "remind_tomorrow")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EngagementHosts.AnswerNudgeAsync(coach, stripe.Id, "launch_rockets")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await EngagementHosts.AnswerNudgeAsync(coach, Guid.NewGuid(), "remind_tomorrow")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var answered = (await NudgesAsync(host, userId)).Single(n => n.Id == stripe.Id);
        answered.RespondedAt.ShouldBe(clock.GetUtcNow());
        answered.Response.ShouldBe("remind_tomorrow");

        clock.Advance(TimeSpan.FromHours(23));
        (await ProcessAsync(host, clock.GetUtcNow())).ShouldBe(0);
        clock.Advance(TimeSpan.FromHours(1));
        (await ProcessAsync(host, clock.GetUtcNow())).ShouldBe(1);
        (await AveryNudgeMessagesAsync(host, userId)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task A_connected_coach_gets_the_nudge_over_the_live_socket_with_its_buttons()
    {
        await using var live = await LiveAvery.StartAsync(settings: NoBackgroundJobs);
        await live.SignUpAsync();
        var (client, _) = await live.OpenChatAsync();
        await using var _client = client;
        var store = await live.StoreAsync();
        var userId = await InScopeAsync(live.Host, services => services.GetRequiredService<CreatorOS.Modules.Accounts.Data.AccountsDbContext>().Users.Where(u => u.Email == "sam@example.com").Select(u => u.Id).SingleAsync());

        await InScopeAsync(live.Host, services => services.GetRequiredService<NudgeScheduler>()
            .ScheduleAsync(store.WorkspaceId, userId, NudgeCatalogue.ChurnRisk, NudgeCatalogue.ChurnRisk.Template, DateTimeOffset.UtcNow.AddMinutes(-1), "test:churn", CancellationToken.None));
        (await ProcessAsync(live.Host, DateTimeOffset.UtcNow)).ShouldBe(1);

        var frame = await client.NextOfTypeAsync("avery_message");
        frame.Text("content")!.ShouldEndWith("your subscribers are asking when your next session is. Want me to help you schedule one?");
        frame.Buttons().Select(b => b.GetProperty("label").GetString()).ShouldBe(["Schedule a session", "Snooze 3 days"]);
        var sent = (await NudgesAsync(live.Host, userId)).Single();
        sent.Channel.ShouldBe("live");
        frame.Buttons().ShouldAllBe(b => b.GetProperty("answerPath").GetString() == $"/api/nudges/{sent.Id:D}/respond", "the widget posts the answer there");
        (await InScopeAsync(live.Host, services => services.GetRequiredService<EngagementDbContext>().Notifications.CountAsync())).ShouldBe(0, "no push or inbox copy when the coach saw it live");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Unknown_types_deleted_coaches_and_empty_draft_nudges_are_cancelled_with_a_reason(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider, settings: NoBackgroundJobs);
        var (_, account) = await EngagementHosts.SignedInAsync(host, $"bad-{provider}@example.com");
        var (workspaceId, userId) = (account.WorkspaceId!.Value, account.UserId!.Value);
        var past = DateTimeOffset.UtcNow.AddMinutes(-5);
        var ghost = Guid.NewGuid();
        await InScopeAsync(host, async services =>
        {
            var scheduler = services.GetRequiredService<NudgeScheduler>();
            await scheduler.ScheduleAsync(workspaceId, userId, NudgeCatalogue.Day5, NudgeCatalogue.Day5.Template, past, "t:drafts", CancellationToken.None);
            await scheduler.ScheduleAsync(workspaceId, ghost, NudgeCatalogue.Day2, NudgeCatalogue.Day2.Template, past, "t:ghost", CancellationToken.None);
            await scheduler.ScheduleAsync(workspaceId, userId, NudgeCatalogue.Day2 with { Type = "day4_moonwalk" }, "Moonwalk!", past, "t:unknown", CancellationToken.None);
            return 0;
        });

        (await ProcessAsync(host, DateTimeOffset.UtcNow)).ShouldBe(3);
        (await ProcessAsync(host, DateTimeOffset.UtcNow)).ShouldBe(0);
        var mine = await NudgesAsync(host, userId);
        mine.Single(n => n.IdempotencyKey == "t:drafts").LastError.ShouldBe("No blog drafts to review.");
        mine.Single(n => n.IdempotencyKey == "t:unknown").LastError.ShouldBe("Unknown nudge type 'day4_moonwalk'.");
        mine.ShouldAllBe(n => n.Status == Nudge.Cancelled);
        var gone = (await NudgesAsync(host, ghost)).Single();
        (gone.Status, gone.LastError).ShouldBe((Nudge.Cancelled, "The coach no longer exists."));
        (await AveryNudgeMessagesAsync(host, userId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_hosts_on_one_PostgreSQL_deliver_each_nudge_exactly_once_even_after_a_crash_mid_delivery()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var first = new CreatorOsHost(database, settings: NoBackgroundJobs);
        await using var second = new CreatorOsHost(database, settings: NoBackgroundJobs, ownsDatabase: false);
        _ = first.Services;
        _ = second.Services;
        var (_, account) = await EngagementHosts.SignedInAsync(first, "cluster@example.com");
        var (workspaceId, userId) = (account.WorkspaceId!.Value, account.UserId!.Value);
        const int count = 300;
        await InScopeAsync(first, async services =>
        {
            var scheduler = services.GetRequiredService<NudgeScheduler>();
            for (var i = 0; i < count; i++)
            {
                await scheduler.ScheduleAsync(workspaceId, userId, NudgeCatalogue.ChurnRisk, NudgeCatalogue.ChurnRisk.Template, DateTimeOffset.UtcNow.AddMinutes(-10), $"cluster:{i}", CancellationToken.None);
            }

            return 0;
        });

        // A node delivered this one to Avery, then died before recording it: its claim has expired.
        var crashed = (await NudgesAsync(first, userId))[0];
        await InScopeAsync(first, async services =>
        {
            await services.GetRequiredService<IAveryInbox>().DeliverAsync(workspaceId, userId, "nudge:" + crashed.Id.ToString("N"), "said before the crash", [], CancellationToken.None);
            return await services.GetRequiredService<EngagementDbContext>().Nudges.Where(n => n.Id == crashed.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, Nudge.Sending).SetProperty(n => n.ClaimedUntil, DateTimeOffset.UtcNow.AddMinutes(-1)));
        });

        var workers = Enumerable.Range(0, 6).Select(i => Task.Run(() => ProcessAsync(i % 2 == 0 ? first : second, DateTimeOffset.UtcNow)));
        var handled = await Task.WhenAll(workers);
        handled.Sum().ShouldBe(count, "every nudge was claimed by exactly one worker");
        handled.Where((_, i) => i % 2 == 1).Sum().ShouldBeGreaterThan(0, "the second host took part");

        var nudges = await NudgesAsync(second, userId);
        nudges.ShouldAllBe(n => n.Status == Nudge.Sent);
        var keys = await InScopeAsync(first, services => services.GetRequiredService<AssistantDbContext>().Messages.AsNoTracking()
            .Where(m => m.UserId == userId && m.ClientMessageId != null && m.ClientMessageId.StartsWith("nudge:")).Select(m => m.ClientMessageId!).ToListAsync());
        keys.Count.ShouldBe(count);
        keys.Distinct().Count().ShouldBe(count);
        (await InScopeAsync(first, services => services.GetRequiredService<EngagementDbContext>().Notifications.CountAsync(n => n.UserId == userId))).ShouldBe(count);
    }
}
