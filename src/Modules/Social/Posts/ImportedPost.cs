namespace CreatorOS.Modules.Social.Posts;

/// <summary>A post already turned into a blog draft, so neither the chat nor the weekly job drafts it again.</summary>
internal sealed class ImportedPost
{
    public const int PostIdMaxLength = 100;

    public required Guid Id { get; init; }

    public required Guid WorkspaceId { get; init; }

    public required string Platform { get; init; }

    public required string PostId { get; init; }

    public required Guid BlogId { get; init; }

    public required DateTimeOffset ImportedAt { get; init; }
}
