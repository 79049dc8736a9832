namespace CreatorOS.Modules.Social.Connections;

/// <summary>
/// One sign-in in progress. Only hashes are stored: <see cref="StateHash"/> of the <c>state</c>
/// parameter sent to the platform, and <see cref="BindingHash"/> of the nonce in the browser's
/// cookie. The callback must present both, as the same signed-in owner, before it expires, once.
/// </summary>
internal sealed class OAuthState
{
    public required Guid Id { get; init; }

    public required string StateHash { get; init; }

    public required string BindingHash { get; init; }

    public required Guid WorkspaceId { get; init; }

    public required Guid UserId { get; init; }

    public required string Platform { get; init; }

    public required string RedirectUri { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }
}
