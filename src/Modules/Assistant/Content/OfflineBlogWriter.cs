using System.Text;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Brain.Offline;

namespace CreatorOS.Modules.Assistant.Content;

/// <summary>
/// Writes blog posts from templates (no model): first person, markdown with ## headings, a tone-specific
/// intro and call to action, no invented facts. Titles already on the store are avoided, so asking
/// again gives different posts.
/// </summary>
internal sealed class OfflineBlogWriter : IBlogWriter
{
    public const int MaxCount = 3;

    public Task<IReadOnlyList<BlogDraft>> WriteAsync(BlogBrief brief, int count, string? customTopic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        cancellationToken.ThrowIfCancellationRequested();
        count = Math.Clamp(count, 1, MaxCount);
        var tone = BlogTemplates.Intros.ContainsKey(brief.Tone) ? brief.Tone : "casual";
        var focus = brief.Specialty is { Length: > 0 } specialty ? specialty.Trim() : Formats.NicheFocus(brief.Niche);
        var taken = new HashSet<string>(brief.ExistingTitles, StringComparer.OrdinalIgnoreCase);

        var topic = customTopic?.Trim();
        var pool = string.IsNullOrEmpty(topic) ? BlogTemplates.For(brief.Niche) : BlogTemplates.Custom;
        var seed = StableHash.Of((brief.CoachName ?? string.Empty) + "|" + focus + "|" + topic);
        var picks = Pick(pool, count, seed, t => BlogTemplatesText.Fill(t, focus, topic), taken);

        IReadOnlyList<BlogDraft> drafts = [.. picks.Select(p => Draft(brief, p.Topic, p.Title, tone, focus, topic))];
        return Task.FromResult(drafts);
    }

    /// <summary>Distinct topics first, each under a title not yet used; when every title is taken, numbered parts.</summary>
    private static List<(BlogTopic Topic, string Title)> Pick(IReadOnlyList<BlogTopic> pool, int count, uint seed, Func<string, string> fill, HashSet<string> taken)
    {
        var order = Enumerable.Range(0, pool.Count).Select(i => pool[(int)((seed + (uint)i) % (uint)pool.Count)]).ToList();
        var picks = new List<(BlogTopic Topic, string Title)>();
        var maxTitles = pool.Max(t => t.Titles.Count);
        for (var variant = 0; variant < maxTitles && picks.Count < count; variant++)
        {
            foreach (var topic in order.Where(t => variant < t.Titles.Count && picks.All(p => p.Topic.Key != t.Key)))
            {
                var title = Capitalize(fill(topic.Titles[variant]));
                if (picks.Count < count && taken.Add(title))
                {
                    picks.Add((topic, title));
                }
            }
        }

        for (var part = 2; picks.Count < count; part++)
        {
            foreach (var topic in order.Where(_ => picks.Count < count))
            {
                var title = Capitalize(fill(topic.Titles[0])) + " (part " + part + ")";
                if (taken.Add(title))
                {
                    picks.Add((topic, title));
                }
            }
        }

        return picks;
    }

    private static BlogDraft Draft(BlogBrief brief, BlogTopic topic, string title, string tone, string focus, string? customTopic)
    {
        string Fill(string text) => BlogTemplatesText.Fill(text, focus, customTopic);

        var body = new StringBuilder()
            .Append(Fill(BlogTemplates.Intros[tone].Replace("{subject}", topic.Subject, StringComparison.Ordinal))).Append("\n\n");
        foreach (var section in topic.Sections)
        {
            body.Append("## ").Append(Fill(section.Heading)).Append("\n\n").Append(Fill(section.Body)).Append("\n\n");
        }

        body.Append(Fill(BlogTemplates.Calls[tone]));
        if (!string.IsNullOrWhiteSpace(brief.CoachName))
        {
            body.Append("\n\n— ").Append(brief.CoachName.Trim());
        }

        var category = topic.Category.Length > 0 ? topic.Category : BlogTemplates.For(brief.Niche)[0].Category;
        var tags = Tags(topic, brief, customTopic);
        return new BlogDraft(title, body.ToString(), category, tags, Publish: true);
    }

    private static List<string> Tags(BlogTopic topic, BlogBrief brief, string? customTopic)
    {
        var tags = new List<string>();
        void Add(string? tag)
        {
            var clean = tag?.Replace(",", " ", StringComparison.Ordinal).Trim().ToLowerInvariant();
            if (clean is { Length: > 0 and <= 40 } && !tags.Contains(clean) && tags.Count < 4)
            {
                tags.Add(clean);
            }
        }

        Add(customTopic);
        Add(brief.Specialty);
        foreach (var tag in topic.Tags)
        {
            Add(tag);
        }

        Add(brief.Niche ?? "coaching");
        Add("coaching");
        return tags;
    }

    private static string Capitalize(string title) => Formats.Capitalize(title);
}

/// <summary>Fills the {focus}/{topic} placeholders of <see cref="BlogTemplates"/>.</summary>
internal static class BlogTemplatesText
{
    public static string Fill(string text, string focus, string? topic) => text
        .Replace("{Focus}", Formats.Capitalize(focus), StringComparison.Ordinal)
        .Replace("{focus}", focus, StringComparison.Ordinal)
        .Replace("{Topic}", Formats.Capitalize(topic ?? focus), StringComparison.Ordinal)
        .Replace("{topic}", topic ?? focus, StringComparison.Ordinal);
}
