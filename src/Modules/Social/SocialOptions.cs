namespace CreatorOS.Modules.Social;

/// <summary>
/// Settings under <c>Social</c>. Endpoints default to the platforms' production URLs; tests point
/// them at local fake servers, so the same clients run either way.
/// </summary>
internal sealed class SocialOptions
{
    public const string Section = "Social";

    /// <summary>Scheme and host the platforms redirect back to; empty = the host of the connect request.</summary>
    public string? RedirectBaseUrl { get; set; }

    /// <summary>How long a sign-in may take between "connect" and the platform's redirect back.</summary>
    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>First retry delay after a 429 or 5xx; doubled per attempt, capped by <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxRetries { get; set; } = 2;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Profile pictures are fetched over https only; tests against loopback fakes allow http.</summary>
    public bool AllowHttpMedia { get; set; }

    /// <summary>Largest profile picture downloaded (the photo store accepts 5 MB).</summary>
    public long MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;

    public InstagramOptions Instagram { get; set; } = new();

    public TikTokOptions TikTok { get; set; } = new();

    public YouTubeOptions YouTube { get; set; } = new();
}

internal sealed class InstagramOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string AuthorizeUrl { get; set; } = "https://api.instagram.com/oauth/authorize";

    public string TokenUrl { get; set; } = "https://api.instagram.com/oauth/access_token";

    public string GraphBaseUrl { get; set; } = "https://graph.instagram.com";

    public string Scope { get; set; } = "user_profile,user_media";

    /// <summary>Instagram allows about 200 calls per user per hour.</summary>
    public int CallsPerHour { get; set; } = 200;
}

internal sealed class TikTokOptions
{
    public string? ClientKey { get; set; }

    public string? ClientSecret { get; set; }

    public string AuthorizeUrl { get; set; } = "https://www.tiktok.com/v2/auth/authorize/";

    public string ApiBaseUrl { get; set; } = "https://open.tiktokapis.com";

    public string Scope { get; set; } = "user.info.basic,video.list";

    public int CallsPerHour { get; set; } = 600;
}

internal sealed class YouTubeOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string AuthorizeUrl { get; set; } = "https://accounts.google.com/o/oauth2/v2/auth";

    public string TokenUrl { get; set; } = "https://oauth2.googleapis.com/token";

    public string ApiBaseUrl { get; set; } = "https://www.googleapis.com";

    public string Scope { get; set; } = "https://www.googleapis.com/auth/youtube.readonly";

    /// <summary>The Data API's default quota is 10,000 units a day; a search costs 100.</summary>
    public int CallsPerHour { get; set; } = 100;
}
