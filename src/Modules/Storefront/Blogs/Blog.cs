namespace CreatorOS.Modules.Storefront.Blogs;

internal sealed class Blog
{
    public const string Draft = "draft";
    public const string Published = "published";

    public required Guid Id { get; init; }

    public required Guid StoreId { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string BodyMarkdown { get; init; }

    public string? Category { get; init; }

    /// <summary>Comma-joined; a tag never contains a comma (see <see cref="BlogRules"/>).</summary>
    public required string Tags { get; init; }

    public string? CoverImageUrl { get; init; }

    public required string Status { get; set; }

    public string? SourcePlatform { get; init; }

    public string? SourcePostId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; set; }
}
