using System.Globalization;
using CreatorOS.Contracts.Jobs;
using CreatorOS.Contracts.Social;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Nudges;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Engagement.Triggers;

/// <summary>
/// Spec 5.3's weekly "social post performing": for each coach past onboarding with a connected
/// account, the post of the last 7 days furthest above their usual engagement
/// (<see cref="PostPerformance"/>) gets "Your latest IG post is doing great! Want me to turn it into
/// a blog?", at most once per post (the key names it) and once per 168 hours per workspace.
/// Social keeps no copy of posts, so every look is a platform call: the cooldown is checked first,
/// and each connection is read once per run, as often as Social's own weekly refresh reads it.
/// </summary>
internal sealed partial class SocialPostPerformingJob(
    EngagementDbContext db,
    ISocialConnections social,
    IStorefront storefront,
    NudgeScheduler scheduler,
    ILogger<SocialPostPerformingJob> log) : IRecurringJob
{
    public static readonly TimeSpan Cooldown = TimeSpan.FromHours(168);

    /// <summary>Posts Social is asked for per platform: all it fetches (its clients read about 50).</summary>
    public const int PostsPerPlatform = 50;

    public string Key => "engagement.social-post-performing";

    /// <summary>
    /// Fridays 10:00 UTC, away from Social's Monday 06:00 refresh: that refresh drafts the best new
    /// posts by itself, so by Friday this week's posts have not been drafted yet, and the platform
    /// calls of the two jobs are spread over the week.
    /// </summary>
    public string CronUtc => "0 0 10 ? * FRI";

    public async Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        var coaches = await scheduler.OnboardedCoachesAsync(cancellationToken);
        foreach (var coach in coaches)
        {
            try
            {
                await CheckAsync(coach.WorkspaceId, coach.UserId, scheduledAt, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One coach's failure must not stop the others; their next chance is next week.
                LogCoachFailed(log, exception.GetType().Name);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task CheckAsync(Guid workspaceId, Guid userId, DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        var since = scheduledAt - Cooldown;
        if (await db.Nudges.AnyAsync(n => n.WorkspaceId == workspaceId && n.NudgeType == NudgeCatalogue.SocialPostPerforming.Type && n.ScheduledFor > since, cancellationToken))
        {
            return;
        }

        var platforms = (await social.ListAsync(workspaceId, cancellationToken)).Where(c => c.Status == "connected").Select(c => c.Platform).ToList();
        if (platforms.Count == 0)
        {
            return;
        }

        var standouts = new List<StandoutPost>();
        foreach (var platform in platforms)
        {
            var top = await social.GetTopPostsAsync(workspaceId, platform, PostsPerPlatform, cancellationToken);
            standouts.AddRange(PostPerformance.Standouts(top.Posts, scheduledAt));
        }

        if (standouts.Count == 0)
        {
            return;
        }

        // A post already on the blog (drafted by Social's refresh or in chat) is not offered again.
        var blogs = (await storefront.FindAsync(workspaceId, cancellationToken))?.Blogs ?? [];
        var sent = await db.Nudges.AsNoTracking()
            .Where(n => n.WorkspaceId == workspaceId && n.NudgeType == NudgeCatalogue.SocialPostPerforming.Type)
            .Select(n => n.IdempotencyKey)
            .ToListAsync(cancellationToken);
        var pick = standouts
            .OrderByDescending(s => s.Post.Score / (decimal)s.UsualScore)
            .FirstOrDefault(s => KeyOf(s.Post) is { } key && !sent.Contains(key)
                && !blogs.Any(b => b.SourcePlatform == s.Post.Platform && b.SourcePostId == s.Post.PostId));
        if (pick is null)
        {
            return;
        }

        await scheduler.ScheduleAsync(workspaceId, userId, NudgeCatalogue.SocialPostPerforming, Message(pick), scheduledAt, KeyOf(pick.Post)!, Values(pick), cancellationToken);
    }

    /// <summary>One nudge per post, ever; null for ids too long to key (no platform issues those).</summary>
    public static string? KeyOf(SocialPostView post)
    {
        var key = $"social-post:{post.Platform}:{post.PostId}";
        return key.Length <= 200 ? key : null;
    }

    /// <summary>
    /// The spec's copy with the platform as coaches say it and the ratio; <c>{post_caption}</c> stays
    /// a placeholder that <see cref="Values"/> fills when the nudge is sent, so a caption's own
    /// braces reach the coach as written and are never read as placeholders.
    /// </summary>
    public static string Message(StandoutPost standout) => NudgeCatalogue.SocialPostPerforming.Template
        .Replace("{platform}", PlatformName(standout.Post.Platform), StringComparison.Ordinal)
        .Replace("{engagement_ratio}", standout.Ratio.ToString("0.#", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>A few words of the caption, so the coach knows which post.</summary>
    public static IReadOnlyDictionary<string, string> Values(StandoutPost standout) =>
        new Dictionary<string, string> { ["post_caption"] = Excerpt(standout.Post.Caption) };

    public static string PlatformName(string platform) => platform switch
    {
        SocialPlatforms.Instagram => "IG",
        SocialPlatforms.TikTok => "TikTok",
        SocialPlatforms.YouTube => "YouTube",
        _ => platform,
    };

    /// <summary>The caption's first words on one line; its curly quotes become straight ones inside the copy's own “ ”.</summary>
    private static string Excerpt(string caption)
    {
        const int Length = 60;
        var plain = string.Join(' ', caption.Replace('“', '"').Replace('”', '"').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (plain.Length <= Length)
        {
            return plain;
        }

        var space = plain.LastIndexOf(' ', Length);
        return plain[..(space > 20 ? space : Length)].TrimEnd(',', '.', ';', ':') + "…";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The social post check failed for one coach ({Error}); they are checked again next week")]
    private static partial void LogCoachFailed(ILogger logger, string error);
}
