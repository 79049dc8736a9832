using CreatorOS.Contracts.Social;

namespace CreatorOS.Modules.Engagement.Triggers;

/// <summary>A post that did clearly better than the coach usually does on that platform.</summary>
internal sealed record StandoutPost(SocialPostView Post, long UsualScore)
{
    /// <summary>How many times the usual engagement, rounded down to one decimal so the copy never overstates it.</summary>
    public decimal Ratio => Math.Floor(Post.Score * 10m / UsualScore) / 10m;
}
