namespace CreatorOS.Modules.Social.Platforms;

/// <summary>Tokens a platform granted. <see cref="AccountId"/> is set when the token response names the account.</summary>
internal sealed record PlatformGrant(string AccessToken, DateTimeOffset AccessExpiresAt, string? RefreshToken, DateTimeOffset? RefreshExpiresAt, string? AccountId);

internal sealed record PlatformAccount(string Id, string Name, string? PictureUrl);

/// <summary>A post as the platform reports it; counts the platform does not give are 0.</summary>
internal sealed record PlatformPost(
    string Id,
    string Caption,
    string? MediaUrl,
    string? Permalink,
    long Likes,
    long Comments,
    long Shares,
    long Views,
    DateTimeOffset? PostedAt);
