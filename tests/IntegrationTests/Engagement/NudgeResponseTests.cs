using System.Net;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Nudges;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>The widget's answer to a nudge: recorded for its own coach only, with antiforgery, snoozes carried out.</summary>
public sealed class NudgeResponseTests
{
    private static readonly Dictionary<string, string?> NoBackgroundJobs = new() { ["Jobs:AutoStart"] = "false" };

    private static async Task<T> InScopeAsync<T>(CreatorOsHost host, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static Task<Nudge> NudgeAsync(CreatorOsHost host, Guid userId, string key) =>
        InScopeAsync(host, services => services.GetRequiredService<EngagementDbContext>().Nudges.AsNoTracking().SingleAsync(n => n.UserId == userId && n.IdempotencyKey == key));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_coach_answers_only_their_own_sent_nudge_with_a_token_and_snooze_3_days_brings_it_back(DatabaseProvider provider)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await using var host = await CreatorOsHost.StartAsync(provider, services => services.AddSingleton<TimeProvider>(clock), NoBackgroundJobs);
        var (owner, account) = await EngagementHosts.SignedInAsync(host, $"owner-{provider}@example.com");
        var (stranger, _) = await EngagementHosts.SignedInAsync(host, $"stranger-{provider}@example.com");
        var (workspaceId, userId) = (account.WorkspaceId!.Value, account.UserId!.Value);
        await InScopeAsync(host, async services =>
        {
            var scheduler = services.GetRequiredService<NudgeScheduler>();
            await scheduler.ScheduleAsync(workspaceId, userId, NudgeCatalogue.NoLogin3Days, NudgeCatalogue.NoLogin3Days.Template, clock.GetUtcNow(), "t:quiet", CancellationToken.None);
            await scheduler.ScheduleAsync(workspaceId, userId, NudgeCatalogue.Day3, NudgeCatalogue.Day3.Template, clock.GetUtcNow().AddDays(1), "t:later", CancellationToken.None);
            return await services.GetRequiredService<NudgeProcessor>().ProcessDueAsync(clock.GetUtcNow(), CancellationToken.None);
        });
        var quiet = await NudgeAsync(host, userId, "t:quiet");
        quiet.Status.ShouldBe(Nudge.Sent);
        var later = await NudgeAsync(host, userId, "t:later");

        (await EngagementHosts.AnswerNudgeAsync(stranger, quiet.Id, NudgeCatalogue.SnoozeThreeDays)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another coach's nudge is not theirs to answer");
        (await EngagementHosts.AnswerNudgeAsync(owner, quiet.Id, NudgeCatalogue.SnoozeThreeDays, withToken: false)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "no antiforgery token");
        (await EngagementHosts.AnswerNudgeAsync(owner, quiet.Id, " ")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await EngagementHosts.AnswerNudgeAsync(owner, later.Id, NudgeCatalogue.RemindTomorrow)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a nudge not sent yet cannot be answered");
        (await NudgeAsync(host, userId, "t:quiet")).RespondedAt.ShouldBeNull("nothing above was recorded");

        clock.Advance(TimeSpan.FromMinutes(7));
        var answered = await EngagementHosts.AnswerNudgeAsync(owner, quiet.Id, NudgeCatalogue.SnoozeThreeDays);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answered.Content.ReadAsStringAsync()).ShouldContain("\"recorded\":true");
        var again = await EngagementHosts.AnswerNudgeAsync(owner, quiet.Id, NudgeCatalogue.SnoozeThreeDays);
        (await again.Content.ReadAsStringAsync()).ShouldContain("\"recorded\":false");

        var recorded = await NudgeAsync(host, userId, "t:quiet");
        (recorded.RespondedAt, recorded.Response).ShouldBe((clock.GetUtcNow(), NudgeCatalogue.SnoozeThreeDays));
        var snoozed = await NudgeAsync(host, userId, $"snooze:{quiet.Id:N}");
        (snoozed.NudgeType, snoozed.Status, snoozed.ScheduledFor).ShouldBe((NudgeCatalogue.NoLogin3Days.Type, Nudge.Pending, clock.GetUtcNow().AddDays(3)));
    }
}
