using System.Text.Json;
using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Jobs;
using CreatorOS.IntegrationTests.Social;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Nudges;
using CreatorOS.Modules.Engagement.Triggers;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>
/// Spec 5.3's weekly "social post performing", against the fake Instagram on loopback (Social's
/// real client reads it): once per standout post, 168 hours apart, never for ordinary posts or
/// coaches without a connected account.
/// </summary>
public sealed class SocialPostTriggerTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_standout_post_gets_one_nudge_ordinary_posts_none_and_the_next_waits_168_hours(DatabaseProvider provider)
    {
        await using var social = await SocialHarness.StartAsync(provider, (_, settings) => settings["Jobs:AutoStart"] = "false");
        var instagram = social.Fake.Posts["instagram"];
        for (var i = 0; i < 6; i++)
        {
            instagram.Add(new($"ig-usual-{i}", $"An everyday post number {i} about training and rest", Likes: 100 + (5 * i), PostedAt: Friday.AddDays(-10 - (3 * i))));
        }

        instagram.Add(new("ig-hot", "Three breathing drills before your heavy lifts {and why}", Likes: 400, Comments: 20, PostedAt: Friday.AddDays(-2)));
        instagram.Add(new("ig-ordinary", "A quick note on sleep and recovery for lifters", Likes: 120, PostedAt: Friday.AddDays(-1)));
        await social.ConnectAsync("instagram");
        var workspaceId = await social.WorkspaceIdAsync();
        var userId = await OnboardedAsync(social, workspaceId);

        // Another coach past onboarding with nothing connected: never checked on a platform, never nudged.
        var other = await social.InScopeAsync(s => s.GetRequiredService<IAccountRegistration>()
            .RegisterCoachAsync(new CoachRegistration("no-social@example.com", EngagementHosts.Password, "No Socials"), CancellationToken.None));
        await OnboardedAsync(social, other.WorkspaceId!.Value, other.UserId!.Value);

        var mediaCalls = social.Fake.Count("/me/media");
        await RunAsync(social, Friday);
        social.Fake.Count("/me/media").ShouldBe(mediaCalls + 1, "one read of the connected account per run");

        var first = (await SocialNudgesAsync(social)).ShouldHaveSingleItem("the ordinary new post and the coach without socials get nothing");
        (first.WorkspaceId, first.UserId, first.IdempotencyKey, first.ScheduledFor).ShouldBe((workspaceId, userId, "social-post:instagram:ig-hot", Friday));
        NudgeButtons.Read(first.Buttons).Select(b => (b.Label, b.Action)).ShouldBe([("Turn it into a blog", "draft_social_blogs"), ("Not now", "dismiss_nudge")]);

        await social.InScopeAsync(s => s.GetRequiredService<NudgeProcessor>().ProcessDueAsync(Friday, CancellationToken.None));
        var said = await social.InScopeAsync(s => s.GetRequiredService<AssistantDbContext>().Messages.AsNoTracking()
            .Where(m => m.UserId == userId && m.Content.Contains("doing great")).Select(m => m.Content).ToListAsync());
        // Median of the 8 scores is 117; 460 / 117 = 3.93. The caption's braces reach the coach as
        // written: the caption is a value filled in once, never read as a placeholder.
        said.ShouldBe(["Your latest IG post is doing great! “Three breathing drills before your heavy lifts {and why}” has 3.9× your usual engagement. Want me to turn it into a blog?"]);

        // A re-run of the same fire, and a run three days later with a new standout, are inside the cooldown: no platform call either.
        instagram.Add(new("ig-viral", "The one stretch everyone is sharing with a friend this week", Likes: 900, PostedAt: Friday.AddDays(2)));
        mediaCalls = social.Fake.Count("/me/media");
        await RunAsync(social, Friday);
        await RunAsync(social, Friday.AddDays(3));
        (await SocialNudgesAsync(social)).Count.ShouldBe(1);
        social.Fake.Count("/me/media").ShouldBe(mediaCalls);

        // 168 hours on, the new standout is offered (ig-hot is now older than the 7-day window).
        await RunAsync(social, Friday.AddHours(168));
        (await SocialNudgesAsync(social)).Select(n => n.IdempotencyKey).ShouldBe(["social-post:instagram:ig-hot", "social-post:instagram:ig-viral"]);

        // Even with the cooldown out of the way, a post is never offered twice.
        await social.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<EngagementDbContext>();
            foreach (var nudge in await db.Nudges.Where(n => n.NudgeType == NudgeCatalogue.SocialPostPerforming.Type).ToListAsync())
            {
                nudge.ScheduledFor = nudge.ScheduledFor.AddDays(-30);
            }

            return await db.SaveChangesAsync();
        });
        await RunAsync(social, Friday.AddHours(168));
        (await SocialNudgesAsync(social)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Tapping_turn_it_into_a_blog_in_Avery_drafts_a_blog_from_the_standout_post()
    {
        await using var social = await SocialHarness.StartAsync(configure: (_, settings) => settings["Jobs:AutoStart"] = "false");
        var instagram = social.Fake.Posts["instagram"];
        for (var i = 0; i < 5; i++)
        {
            instagram.Add(new($"ig-usual-{i}", $"An everyday post number {i} about training and rest", Likes: 50 + i, PostedAt: Friday.AddDays(-10 - i)));
        }

        instagram.Add(new("ig-hot", "Three breathing drills before your heavy lifts", Likes: 300, PostedAt: Friday.AddDays(-1)));
        await social.ConnectAsync("instagram");
        var workspaceId = await social.WorkspaceIdAsync();
        await OnboardedAsync(social, workspaceId);
        await RunAsync(social, Friday);
        await social.InScopeAsync(s => s.GetRequiredService<NudgeProcessor>().ProcessDueAsync(Friday, CancellationToken.None));

        // The widget sends the tapped button as a turn; Avery's own action drafts from the best posts not used yet.
        var (client, _) = await social.Avery.OpenChatAsync();
        await using (client)
        {
            var nudge = (await SocialNudgesAsync(social)).ShouldHaveSingleItem();
            var button = JsonSerializer.SerializeToElement(NudgeButtons.ForDelivery(nudge.Id, nudge.Buttons)[0], Web);
            var turn = await client.ClickAsync(button);
            turn.ToolsRun.ShouldContain("draft_blogs_from_social");
        }

        (await social.Avery.StoreAsync()).Blogs.ShouldContain(b => b.SourcePlatform == "instagram" && b.SourcePostId == "ig-hot" && b.Status == "draft");
    }

    private static Task<bool> RunAsync(SocialHarness social, DateTimeOffset scheduledAt) =>
        social.InScopeAsync(async s =>
        {
            await s.GetServices<IRecurringJob>().OfType<SocialPostPerformingJob>().Single().RunAsync(scheduledAt, CancellationToken.None);
            return true;
        });

    private static Task<List<Nudge>> SocialNudgesAsync(SocialHarness social) =>
        social.InScopeAsync(s => s.GetRequiredService<EngagementDbContext>().Nudges.AsNoTracking()
            .Where(n => n.NudgeType == NudgeCatalogue.SocialPostPerforming.Type).OrderBy(n => n.CreatedAt).ThenBy(n => n.IdempotencyKey).ToListAsync());

    /// <summary>The coach finished onboarding two weeks before: their first week of nudges was scheduled and sent.</summary>
    private static async Task<Guid> OnboardedAsync(SocialHarness social, Guid workspaceId, Guid? userId = null) =>
        await social.InScopeAsync(async s =>
        {
            var coach = userId ?? (await s.GetRequiredService<IUserDirectory>().OwnersAsync(workspaceId, CancellationToken.None))[0];
            await s.GetRequiredService<NudgeScheduler>().ScheduleFirstWeekAsync(workspaceId, coach, Friday.AddDays(-14), CancellationToken.None);
            await s.GetRequiredService<EngagementDbContext>().Nudges.Where(n => n.UserId == coach).ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, Nudge.Sent));
            return coach;
        });
}
