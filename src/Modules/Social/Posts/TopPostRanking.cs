using CreatorOS.Contracts.Social;
using CreatorOS.Modules.Social.Platforms;

namespace CreatorOS.Modules.Social.Posts;

/// <summary>
/// The spec's ranking: Instagram likes + 3×comments; TikTok likes + 3×comments + 5×shares; YouTube
/// by views. Posts whose caption is 20 characters or fewer are skipped: there is nothing to write a blog from.
/// </summary>
internal static class TopPostRanking
{
    public const int MinCaptionLength = 20;

    public static long Score(string platform, PlatformPost post) => platform switch
    {
        SocialPlatforms.Instagram => post.Likes + (3 * post.Comments),
        SocialPlatforms.TikTok => post.Likes + (3 * post.Comments) + (5 * post.Shares),
        _ => post.Views,
    };

    public static bool HasUsableCaption(PlatformPost post) => post.Caption.Trim().Length > MinCaptionLength;

    public static IReadOnlyList<SocialPostView> Rank(string platform, IEnumerable<PlatformPost> posts) =>
        [.. posts
            .Where(HasUsableCaption)
            .Select(p => new SocialPostView(platform, p.Id, p.Caption.Trim(), p.MediaUrl, p.Permalink, Score(platform, p), p.Likes, p.PostedAt))
            .OrderByDescending(p => p.Score)
            .ThenByDescending(p => p.PostedAt)
            .ThenBy(p => p.PostId, StringComparer.Ordinal)];
}
