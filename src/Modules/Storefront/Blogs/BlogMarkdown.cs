using System.Collections.Concurrent;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CreatorOS.Modules.Storefront.Blogs;

/// <summary>
/// Renders a coach's markdown safely: raw HTML is shown as text, never rendered; links and images
/// may only point to http(s), mailto or this site. Extensions that emit raw HTML or let the author
/// set attributes (generic attributes, media embeds) are left out.
/// </summary>
internal static class BlogMarkdown
{
    public const int ExcerptLength = 160;

    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAbbreviations()
        .UseAutoIdentifiers()
        .UseCitations()
        .UseDefinitionLists()
        .UseEmphasisExtras()
        .UseFigures()
        .UseFooters()
        .UseFootnotes()
        .UseGridTables()
        .UsePipeTables()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseReferralLinks("nofollow", "noopener", "noreferrer")
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        NeutraliseUnsafeLinks(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Enough markdown to yield an excerpt; parsing a whole post for 160 characters is wasted work.</summary>
    private const int ExcerptSourceLength = 1200;

    private static readonly ConcurrentDictionary<(int Length, int Hash), string> Excerpts = new();

    /// <summary>The first ~160 characters of the post as plain text, cut at a word.</summary>
    public static string Excerpt(string markdown)
    {
        // Store views are built often (every assistant turn); posts rarely change, so excerpts are remembered.
        var key = (markdown.Length, markdown.GetHashCode(StringComparison.Ordinal));
        if (Excerpts.TryGetValue(key, out var known))
        {
            return known;
        }

        if (Excerpts.Count > 50_000)
        {
            Excerpts.Clear();
        }

        return Excerpts[key] = MakeExcerpt(markdown.Length > ExcerptSourceLength ? markdown[..ExcerptSourceLength] : markdown);
    }

    private static string MakeExcerpt(string markdown)
    {
        var plain = Collapse(Markdown.ToPlainText(markdown, Pipeline));
        if (plain.Length <= ExcerptLength)
        {
            return plain;
        }

        var cut = plain.LastIndexOf(' ', ExcerptLength);
        return plain[..(cut > ExcerptLength / 2 ? cut : ExcerptLength)].TrimEnd(' ', ',', ';', ':', '.', '-') + "…";
    }

    public static bool IsSafeLink(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
        var compact = new string([.. url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var pathStart = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (pathStart >= 0 && pathStart < colon))
        {
            // No scheme: a relative or protocol-relative address, which cannot run script.
            return true;
        }

        var scheme = compact[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static void NeutraliseUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafeLink(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeLink(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }
}
