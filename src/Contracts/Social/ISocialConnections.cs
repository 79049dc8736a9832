namespace CreatorOS.Contracts.Social;

/// <summary>
/// What other modules (Avery's tools, the dashboard) may ask of a workspace's social connections.
/// Callers pass the workspace of the signed-in owner, never one taken from user input.
/// </summary>
public interface ISocialConnections
{
    /// <summary>
    /// Whether <paramref name="platform"/> can be connected on this server (client credentials and a
    /// token key are configured) and, if so, the local URL that starts its sign-in in a popup.
    /// </summary>
    SocialConnectStart Start(string platform);

    Task<IReadOnlyList<SocialConnectionView>> ListAsync(Guid workspaceId, CancellationToken cancellationToken);

    /// <summary>Top posts of one platform, or of every connected one when <paramref name="platform"/> is null.</summary>
    Task<SocialTopPosts> GetTopPostsAsync(Guid workspaceId, string? platform, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Drafts blogs (not published) from the best posts not used before, one per post, and
    /// remembers the posts so they are never drafted twice.
    /// </summary>
    Task<SocialDraftResult> DraftBlogsFromTopPostsAsync(Guid workspaceId, int count, CancellationToken cancellationToken);

    /// <summary>Downloads the connected account's profile picture and stores it as the coach's photo.</summary>
    Task<SocialPhotoResult> ImportProfilePhotoAsync(Guid workspaceId, string? platform, CancellationToken cancellationToken);
}
