using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Contracts.Social;

/// <summary>Status: "ready" (Url opens the sign-in) | "not_available" (this server has no credentials for it).</summary>
public sealed record SocialConnectStart(string Platform, string Status, string? Url);

/// <summary>Status: "connected" | "needs_reconnect" (the platform no longer accepts the token).</summary>
public sealed record SocialConnectionView(string Platform, string AccountName, string Status, DateTimeOffset ConnectedAt, DateTimeOffset? LastSyncAt);

public sealed record SocialPostView(
    string Platform,
    string PostId,
    string Caption,
    string? MediaUrl,
    string? Permalink,
    long Score,
    long Likes,
    DateTimeOffset? PostedAt);

/// <summary>
/// Status: "ok" | "not_connected" | "unavailable" (a platform is down, rate limited or refused the
/// token; Problem says which, and onboarding offers to skip to niche blogs).
/// </summary>
public sealed record SocialTopPosts(string Status, IReadOnlyList<SocialPostView> Posts, string? Problem = null);

/// <summary>Status: "ok" | "not_connected" | "no_posts" | "unavailable".</summary>
public sealed record SocialDraftResult(string Status, IReadOnlyList<BlogView> Drafts, string? Problem = null);

/// <summary>Status: "ok" (PhotoUrl is stored on the store) | "not_connected" | "no_photo" | "unavailable" | "invalid_image".</summary>
public sealed record SocialPhotoResult(string Status, string? PhotoUrl, string? Problem = null);
