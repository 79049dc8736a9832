namespace CreatorOS.Modules.Social.Platforms;

/// <summary>One platform's OAuth and content API, speaking its real wire format.</summary>
internal interface IPlatformClient
{
    string Platform { get; }

    /// <summary>Client credentials are configured, so the platform can be connected on this server.</summary>
    bool IsConfigured { get; }

    int CallsPerHour { get; }

    string AuthorizeUrl(string state, string redirectUri);

    Task<PlatformGrant> ExchangeCodeAsync(string code, string redirectUri, CancellationToken cancellationToken);

    /// <summary>Whether a token expiring at <paramref name="expiresAt"/> should be refreshed now.</summary>
    bool ShouldRefresh(DateTimeOffset expiresAt, DateTimeOffset now);

    Task<PlatformGrant> RefreshAsync(string accessToken, string? refreshToken, CancellationToken cancellationToken);

    Task<PlatformAccount> GetAccountAsync(string accessToken, string budgetKey, CancellationToken cancellationToken);

    /// <summary>Recent posts (up to 50), newest first where the platform orders them.</summary>
    Task<IReadOnlyList<PlatformPost>> GetPostsAsync(string accessToken, string accountId, string budgetKey, CancellationToken cancellationToken);
}
