using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Storefront.Stores;

namespace CreatorOS.Modules.Storefront.Blogs;

internal sealed record ValidBlogDraft(
    string Title,
    string BodyMarkdown,
    string? Category,
    IReadOnlyList<string> Tags,
    string? CoverImageUrl,
    string? SourcePlatform,
    string? SourcePostId,
    bool Publish);

internal static class BlogRules
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 50_000;
    public const int CategoryMaxLength = 60;
    public const int MaxTags = 10;
    public const int TagMaxLength = 40;
    public const int SourcePlatformMaxLength = 40;
    public const int SourcePostIdMaxLength = 200;

    public static ValidBlogDraft Validate(BlogDraft draft, FieldErrors errors)
    {
        var title = errors.Required("title", draft.Title, TitleMaxLength, "Give the post a title.", $"The title can be at most {TitleMaxLength} characters.");
        var body = errors.Required("bodyMarkdown", draft.BodyMarkdown, BodyMaxLength, "Write the text of the post.", "The post can be at most 50,000 characters.");
        var category = errors.Optional("category", draft.Category, CategoryMaxLength, $"The category can be at most {CategoryMaxLength} characters.");
        var cover = errors.OptionalWebAddress("coverImageUrl", draft.CoverImageUrl, "The cover image must be a full http(s) address or a path on this site starting with /.");
        var platform = errors.Optional("sourcePlatform", draft.SourcePlatform, SourcePlatformMaxLength, $"The source platform can be at most {SourcePlatformMaxLength} characters.");
        var postId = errors.Optional("sourcePostId", draft.SourcePostId, SourcePostIdMaxLength, $"The source post id can be at most {SourcePostIdMaxLength} characters.");
        var tags = ValidateTags(draft.Tags, errors);
        return new(title, body, category, tags, cover, platform?.ToLowerInvariant(), postId, draft.Publish);
    }

    /// <summary>Trimmed, without blanks or case-insensitive repeats, in the order given.</summary>
    public static IReadOnlyList<string> ValidateTags(IReadOnlyList<string>? tags, FieldErrors errors)
    {
        var result = new List<string>();
        foreach (var raw in tags ?? [])
        {
            var tag = raw?.Trim();
            if (string.IsNullOrEmpty(tag) || result.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (tag.Length > TagMaxLength)
            {
                errors.Add("tags", $"Each tag can be at most {TagMaxLength} characters.");
            }
            else if (tag.Contains(',', StringComparison.Ordinal))
            {
                errors.Add("tags", "A tag cannot contain a comma.");
            }

            result.Add(tag);
        }

        if (result.Count > MaxTags)
        {
            errors.Add("tags", $"A post can have at most {MaxTags} tags.");
        }

        return result;
    }

    /// <summary>Splits "strength, mobility" as typed in a form.</summary>
    public static IReadOnlyList<string> SplitTags(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string JoinTags(IReadOnlyList<string> tags) => string.Join(',', tags);
}
