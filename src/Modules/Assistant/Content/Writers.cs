using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Content;

/// <summary>What a blog is written from.</summary>
internal sealed record BlogBrief(string? CoachName, string Niche, string? Specialty, string Tone, IReadOnlyList<string> ExistingTitles);

/// <summary>Writes blog drafts: the offline writer from templates, an LLM writer later (same contract).</summary>
internal interface IBlogWriter
{
    Task<IReadOnlyList<BlogDraft>> WriteAsync(BlogBrief brief, int count, string? customTopic, CancellationToken cancellationToken);
}

internal sealed record ShareBrief(string? CoachName, string? Niche, string? Specialty, string StoreUrl, string? PriceDisplay, string Platform);

/// <summary>Writes the post a coach shares to announce the store.</summary>
internal interface IShareWriter
{
    Task<string> WriteAsync(ShareBrief brief, CancellationToken cancellationToken);
}
