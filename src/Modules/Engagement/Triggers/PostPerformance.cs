using CreatorOS.Contracts.Social;

namespace CreatorOS.Modules.Engagement.Triggers;

/// <summary>
/// What "high engagement" means for spec 5.3's "social post performing" trigger, from what Social
/// gives us: each post's score on its platform (Instagram likes + 3×comments; TikTok likes +
/// 3×comments + 5×shares; YouTube views), for the posts its API returns (Instagram and TikTok the
/// latest ~50, YouTube the ~50 most viewed). Scores of different platforms do not compare, so each
/// platform is judged against itself:
/// <list type="bullet">
/// <item>the coach's usual is the median score of that platform's posts (robust to one viral post);</item>
/// <item>it needs at least <see cref="MinimumHistory"/> posts, otherwise there is no "usual" yet;</item>
/// <item>a standout was posted in the <see cref="Window"/> before the check and scores at least
/// <see cref="Factor"/>× the usual and at least <see cref="MinimumScore"/> (two likes over a usual
/// of one is not "doing great").</item>
/// </list>
/// YouTube's usual is its most-viewed videos, so a new video has to do better there to count.
/// </summary>
internal static class PostPerformance
{
    public const decimal Factor = 1.5m;
    public const int MinimumHistory = 5;
    public const long MinimumScore = 20;
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>The platform's standouts, furthest above usual first.</summary>
    public static IReadOnlyList<StandoutPost> Standouts(IReadOnlyList<SocialPostView> platformPosts, DateTimeOffset now)
    {
        if (platformPosts.Count < MinimumHistory)
        {
            return [];
        }

        var usual = Math.Max(1, Median(platformPosts.Select(p => p.Score)));
        return [.. platformPosts
            .Where(p => p.PostedAt is { } at && at > now - Window && at <= now)
            .Where(p => p.Score >= MinimumScore && p.Score >= usual * Factor)
            .Select(p => new StandoutPost(p, usual))
            .OrderByDescending(s => s.Post.Score / (decimal)s.UsualScore)
            .ThenByDescending(s => s.Post.PostedAt)];
    }

    private static long Median(IEnumerable<long> scores)
    {
        var sorted = scores.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
