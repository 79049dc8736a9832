using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Contracts.Social;

/// <summary>Who the post-to-blog writer writes as.</summary>
public sealed record SocialWriterBrief(string? CoachName, string? Niche, string? Specialty, string Tone);

/// <summary>
/// Turns one social post into a blog draft. The Assistant implements it (its offline templates and
/// moderation today, a model tomorrow), so Social fetches and ranks posts but never writes prose.
/// Returns null when the text fails moderation: nothing flagged becomes a draft.
/// </summary>
public interface ISocialPostWriter
{
    Task<BlogDraft?> WriteAsync(SocialWriterBrief brief, SocialPostView post, CancellationToken cancellationToken);
}
