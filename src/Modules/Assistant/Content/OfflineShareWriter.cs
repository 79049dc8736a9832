using CreatorOS.Modules.Assistant.Brain.Offline;

namespace CreatorOS.Modules.Assistant.Content;

/// <summary>
/// Writes the post that announces a coach's store, shaped for each platform: hashtags where they
/// are used, a professional register on LinkedIn, and at most 280 characters (URL included) on X.
/// </summary>
internal sealed class OfflineShareWriter : IShareWriter
{
    public const int XLimit = 280;

    public Task<string> WriteAsync(ShareBrief brief, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        cancellationToken.ThrowIfCancellationRequested();
        var focus = brief.Specialty is { Length: > 0 } specialty ? specialty.Trim() : Formats.NicheFocus(brief.Niche);
        var price = brief.PriceDisplay is { Length: > 0 } display ? " for " + display : string.Empty;
        var tags = Hashtags(brief);
        var text = brief.Platform switch
        {
            "linkedin" => $"I've launched my coaching store for {focus}. Subscribers get regular posts, live sessions and direct access to my coaching{price}.\n\nIf that would help you or someone on your team, you can join here: {brief.StoreUrl}",
            "facebook" => $"Big news — my coaching store is live! 🎉 I'll be sharing posts, tips and live sessions on {focus}, all in one place{price}.\n\nCome and join me: {brief.StoreUrl}",
            "tiktok" => $"My store is live! 🚀 {Formats.Capitalize(focus)} tips, posts and live sessions{price}. Link: {brief.StoreUrl}\n\n{tags}",
            "x" => XPost(focus, price, brief.StoreUrl),
            _ => $"My store is officially live! ✨ Everything I share about {focus} — posts, tips and live sessions — now lives in one place{price}.\n\nJoin me here 👉 {brief.StoreUrl}\n\n{tags}",
        };
        return Task.FromResult(text.Trim());
    }

    private static string XPost(string focus, string price, string url)
    {
        var text = $"My coaching store is live! {Formats.Capitalize(focus)} posts, tips and live sessions{price}. Join me: {url}";
        if (text.Length <= XLimit)
        {
            return text;
        }

        // A long specialty or URL: keep the URL whole and shorten the words around it.
        var room = XLimit - url.Length - " Join me: ".Length - 1;
        var lead = $"My coaching store is live! {Formats.Capitalize(focus)}";
        lead = room <= 0 ? string.Empty : lead.Length > room ? lead[..Math.Max(0, room - 1)].TrimEnd() + "…" : lead;
        return (lead.Length > 0 ? lead + " Join me: " : string.Empty) + url;
    }

    private static string Hashtags(ShareBrief brief)
    {
        var tags = new List<string>();
        foreach (var word in new[] { brief.Specialty, brief.Niche, "coaching" })
        {
            var tag = new string((word ?? string.Empty).Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
            if (tag.Length is > 0 and <= 30 && !tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return string.Join(' ', tags.Select(t => "#" + t));
    }
}
