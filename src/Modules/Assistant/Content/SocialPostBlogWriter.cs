using System.Text;
using System.Text.RegularExpressions;
using CreatorOS.Contracts.Social;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Brain.Offline;
using CreatorOS.Modules.Assistant.Safety;

namespace CreatorOS.Modules.Assistant.Content;

/// <summary>
/// Turns one social post into a blog draft without a model (spec Ticket 3.4's prompt, done with
/// templates): the caption is the substance, quoted in the coach's own words; the frame around it is
/// the tone's intro and call to action, in first person, with ## headings and no invented facts.
/// Caption and result are both moderated; flagged text gives no draft. An LLM writer can replace
/// this registration of <see cref="ISocialPostWriter"/> without Social changing.
/// </summary>
internal sealed partial class SocialPostBlogWriter(IContentModerator moderator) : ISocialPostWriter
{
    private const int TitleMaxLength = 80;

    public async Task<BlogDraft?> WriteAsync(SocialWriterBrief brief, SocialPostView post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(post);
        if ((await moderator.CheckAsync(post.Caption, cancellationToken)).Flagged)
        {
            return null;
        }

        var caption = Clean(post.Caption);
        if (caption.Length == 0)
        {
            return null;
        }

        var tone = BlogTemplates.Intros.ContainsKey(brief.Tone) ? brief.Tone : "casual";
        var focus = brief.Specialty is { Length: > 0 } specialty ? specialty.Trim() : Formats.NicheFocus(brief.Niche);
        var title = TitleFrom(caption);
        var source = Formats.PlatformName(post.Platform);

        var body = new StringBuilder()
            .Append(BlogTemplatesText.Fill(BlogTemplates.Intros[tone].Replace("{subject}", Subject(title), StringComparison.Ordinal), focus, null)).Append("\n\n")
            .Append("## Where this started\n\n")
            .Append("I first shared this on ").Append(source).Append(", and it struck a chord")
            .Append(post.Likes > 0 ? $" ({post.Likes:N0} of you liked it)" : string.Empty).Append(". Here it is in full:\n\n")
            .Append(string.Join('\n', caption.Split('\n').Select(line => "> " + line))).Append("\n\n")
            .Append("## Why it matters\n\n")
            .Append("A post only has room for the headline. The idea behind it is worth slowing down for: when it comes to ")
            .Append(focus).Append(", the small, repeatable habits are the ones that last, and this is one of them.\n\n")
            .Append("## Try this this week\n\n")
            .Append("1. Read the post again and pick the one line that applies to you most.\n")
            .Append("2. Decide when in your week you will put it into practice, and write it down.\n")
            .Append("3. At the end of the week, notice what changed, however small, and tell me about it.\n\n")
            .Append(BlogTemplatesText.Fill(BlogTemplates.Calls[tone], focus, null));
        if (!string.IsNullOrWhiteSpace(brief.CoachName))
        {
            body.Append("\n\n— ").Append(brief.CoachName.Trim());
        }

        var text = body.ToString();
        if ((await moderator.CheckAsync(title + "\n" + text, cancellationToken)).Flagged)
        {
            return null;
        }

        var category = BlogTemplates.For(brief.Niche)[0].Category;
        return new BlogDraft(title, text, category.Length > 0 ? category : null, Tags(post, brief));
    }

    /// <summary>Hashtags and mentions are for the feed, not the blog; line breaks are kept, runs of blank lines are not.</summary>
    internal static string Clean(string caption)
    {
        var withoutTags = HashtagOrMention().Replace(caption, string.Empty);
        var lines = withoutTags.Split('\n').Select(l => MultipleSpaces().Replace(l, " ").Trim()).ToList();
        return string.Join('\n', lines.Where((line, i) => line.Length > 0 || (i > 0 && lines[i - 1].Length > 0))).Trim();
    }

    /// <summary>The caption's first sentence (or line), shortened on a word boundary.</summary>
    internal static string TitleFrom(string caption)
    {
        var first = caption.Split('\n')[0];
        var end = first.IndexOfAny(['.', '!', '?']);
        var sentence = (end > 10 ? first[..(end + 1)] : first).Trim().TrimEnd('.', ':', ';', ',');
        if (sentence.Length > TitleMaxLength)
        {
            var cut = sentence.LastIndexOf(' ', TitleMaxLength - 1);
            sentence = (cut > 20 ? sentence[..cut] : sentence[..(TitleMaxLength - 1)]).TrimEnd(',', ';', ':', '-') + "…";
        }

        return Formats.Capitalize(sentence);
    }

    private static string Subject(string title) => "\"" + title.TrimEnd('!', '?', '.', '…') + "\"";

    private static List<string> Tags(SocialPostView post, SocialWriterBrief brief)
    {
        var tags = new List<string>();
        foreach (var tag in Hashtag().Matches(post.Caption).Select(m => m.Groups[1].Value.ToLowerInvariant()).Append(brief.Niche ?? "coaching").Append(post.Platform))
        {
            if (tag.Length is > 0 and <= 40 && !tags.Contains(tag) && tags.Count < 5)
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    [GeneratedRegex(@"(?<!\w)[#@][\p{L}\p{N}_.]+", RegexOptions.CultureInvariant)]
    private static partial Regex HashtagOrMention();

    [GeneratedRegex(@"(?<!\w)#([\p{L}\p{N}_]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex MultipleSpaces();
}
