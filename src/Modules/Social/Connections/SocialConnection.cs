namespace CreatorOS.Modules.Social.Connections;

/// <summary>
/// One connected account of a workspace (at most one per platform). Tokens are only ever held
/// sealed (<see cref="Vault.TokenCipher"/>); <see cref="TokenContext"/> binds them to this row.
/// </summary>
internal sealed class SocialConnection
{
    public const int AccountMaxLength = 200;
    public const int SealedMaxLength = 8000;

    public required Guid Id { get; init; }

    public required Guid WorkspaceId { get; init; }

    /// <summary>The owner who connected it (GDPR subject).</summary>
    public required Guid UserId { get; set; }

    public required string Platform { get; init; }

    /// <summary>The platform's id of the account (Instagram user id, TikTok open_id, YouTube channel id).</summary>
    public required string AccountId { get; set; }

    public required string AccountName { get; set; }

    public required string AccessTokenSealed { get; set; }

    public string? RefreshTokenSealed { get; set; }

    public required DateTimeOffset AccessExpiresAt { get; set; }

    public DateTimeOffset? RefreshExpiresAt { get; set; }

    /// <summary>Set when the platform refused the token and a refresh could not fix it.</summary>
    public bool NeedsReconnect { get; set; }

    public DateTimeOffset? LastSyncAt { get; set; }

    public required DateTimeOffset ConnectedAt { get; set; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public string TokenContext(string field) => $"social:{Id:N}:{field}";
}
