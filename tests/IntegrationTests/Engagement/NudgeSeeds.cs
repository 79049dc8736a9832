using CreatorOS.Contracts.Social;
using CreatorOS.Modules.Accounts.Data;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Nudges;
using CreatorOS.Modules.Engagement.Triggers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>Engagement's internals for the browser tests, which cannot see them: send a real nudge, read its answer.</summary>
public static class NudgeSeeds
{
    /// <summary>Schedules the churn-risk nudge (buttons "Schedule a session" / "Snooze 3 days") for the coach and runs the processor.</summary>
    public static Task<Guid> SendChurnNudgeAsync(IServiceProvider services, string email) =>
        SendAsync(services, email, NudgeCatalogue.ChurnRisk, NudgeCatalogue.ChurnRisk.Template, "browser:churn");

    /// <summary>Sends the "social post performing" nudge (buttons "Turn it into a blog" / "Not now") as the weekly job words it.</summary>
    public static Task<Guid> SendSocialPostNudgeAsync(IServiceProvider services, string email) =>
        SendStandoutAsync(services, email, new StandoutPost(
            new SocialPostView(SocialPlatforms.Instagram, "ig-hot", "Three breathing drills before your heavy lifts", null, null, 460, 400, DateTimeOffset.UtcNow.AddDays(-2)), 117));

    private static Task<Guid> SendStandoutAsync(IServiceProvider services, string email, StandoutPost standout) =>
        SendAsync(services, email, NudgeCatalogue.SocialPostPerforming, SocialPostPerformingJob.Message(standout), "browser:social-post", SocialPostPerformingJob.Values(standout));

    private static async Task<Guid> SendAsync(IServiceProvider services, string email, NudgeKind kind, string template, string key, IReadOnlyDictionary<string, string>? values = null)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var user = await provider.GetRequiredService<AccountsDbContext>().Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var workspace = await provider.GetRequiredService<AccountsDbContext>().Members.AsNoTracking().Where(m => m.UserId == user).Select(m => m.WorkspaceId).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        await provider.GetRequiredService<NudgeScheduler>().ScheduleAsync(workspace, user, kind, template, now.AddMinutes(-1), key, values, CancellationToken.None);
        (await provider.GetRequiredService<NudgeProcessor>().ProcessDueAsync(now, CancellationToken.None)).ShouldBe(1);
        return await provider.GetRequiredService<EngagementDbContext>().Nudges.AsNoTracking().Where(n => n.UserId == user && n.IdempotencyKey == key).Select(n => n.Id).SingleAsync();
    }

    /// <summary>The recorded answer and whether a snooze was scheduled for it.</summary>
    public static async Task<(string? Response, bool Snoozed)> AnswerAsync(IServiceProvider services, Guid nudgeId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
        var response = await db.Nudges.AsNoTracking().Where(n => n.Id == nudgeId).Select(n => n.Response).SingleAsync();
        return (response, await db.Nudges.AnyAsync(n => n.IdempotencyKey == $"snooze:{nudgeId:N}"));
    }
}

/// <summary>Waiting for something the browser does asynchronously, with a bound instead of a timing assertion.</summary>
public static class EngagementWaits
{
    public static Task UntilAsync(Func<Task<bool>> condition, string because = "the browser's request to arrive") =>
        EngagementHosts.EventuallyAsync(condition, because);
}
