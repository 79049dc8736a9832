using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Social.Platforms;

/// <summary>
/// Instagram: the code is exchanged at api.instagram.com for a short-lived token, which
/// graph.instagram.com swaps for a long-lived one (60 days) and refreshes (ig_refresh_token).
/// Tokens travel as the access_token query parameter, as the Graph API expects.
/// </summary>
internal sealed class InstagramClient(PlatformHttp http, IOptions<SocialOptions> options, TimeProvider clock) : IPlatformClient
{
    private const string MediaFields = "id,caption,media_type,media_url,thumbnail_url,timestamp,permalink,like_count,comments_count";

    private InstagramOptions Settings => options.Value.Instagram;

    public string Platform => "instagram";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Settings.ClientId) && !string.IsNullOrWhiteSpace(Settings.ClientSecret);

    public int CallsPerHour => Settings.CallsPerHour;

    public string AuthorizeUrl(string state, string redirectUri) => Settings.AuthorizeUrl + "?" + Json.Query(
        ("client_id", Settings.ClientId), ("redirect_uri", redirectUri), ("scope", Settings.Scope), ("response_type", "code"), ("state", state));

    public async Task<PlatformGrant> ExchangeCodeAsync(string code, string redirectUri, CancellationToken cancellationToken)
    {
        var shortLived = await http.SendAsync(Platform, "app:" + Platform, CallsPerHour * 10, () => new HttpRequestMessage(HttpMethod.Post, Settings.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = Settings.ClientId!,
                ["client_secret"] = Settings.ClientSecret!,
                ["grant_type"] = "authorization_code",
                ["redirect_uri"] = redirectUri,
                ["code"] = code,
            }),
        }, cancellationToken);

        // The newer API wraps the answer in data[]; the original returns it flat.
        var body = shortLived.Body.Array("data").FirstOrDefault() is { ValueKind: JsonValueKind.Object } wrapped ? wrapped : shortLived.Body;
        if (!shortLived.IsSuccess || body.String("access_token") is not { Length: > 0 } shortToken)
        {
            throw Failure(shortLived, "exchange the code");
        }

        var userId = body.String("user_id");
        var longLived = await GraphAsync("access_token?" + Json.Query(("grant_type", "ig_exchange_token"), ("client_secret", Settings.ClientSecret), ("access_token", shortToken)), "app:" + Platform, cancellationToken);
        return Grant(longLived, userId, "get a long-lived token");
    }

    /// <summary>Long-lived tokens can be refreshed once a day old; refreshing a week before expiry leaves room for a bad week.</summary>
    public bool ShouldRefresh(DateTimeOffset expiresAt, DateTimeOffset now) => expiresAt - now < TimeSpan.FromDays(7);

    public async Task<PlatformGrant> RefreshAsync(string accessToken, string? refreshToken, CancellationToken cancellationToken)
    {
        var response = await GraphAsync("refresh_access_token?" + Json.Query(("grant_type", "ig_refresh_token"), ("access_token", accessToken)), "app:" + Platform, cancellationToken);
        return Grant(response, null, "refresh the token");
    }

    public async Task<PlatformAccount> GetAccountAsync(string accessToken, string budgetKey, CancellationToken cancellationToken)
    {
        var response = await GraphAsync("me?" + Json.Query(("fields", "id,username,profile_picture_url"), ("access_token", accessToken)), budgetKey, cancellationToken);
        if (!response.IsSuccess || response.Body.String("id") is not { Length: > 0 } id)
        {
            throw Failure(response, "read the account");
        }

        return new PlatformAccount(id, response.Body.String("username") ?? "Instagram account", response.Body.String("profile_picture_url"));
    }

    public async Task<IReadOnlyList<PlatformPost>> GetPostsAsync(string accessToken, string accountId, string budgetKey, CancellationToken cancellationToken)
    {
        var response = await GraphAsync("me/media?" + Json.Query(("fields", MediaFields), ("limit", "50"), ("access_token", accessToken)), budgetKey, cancellationToken);
        if (!response.IsSuccess || response.Body.Get("data") is null)
        {
            throw Failure(response, "list the posts");
        }

        return [.. response.Body.Array("data").Select(m => new PlatformPost(
            m.String("id") ?? string.Empty,
            m.String("caption") ?? string.Empty,
            m.String("media_type") == "VIDEO" ? m.String("thumbnail_url") ?? m.String("media_url") : m.String("media_url"),
            m.String("permalink"),
            m.Long("like_count") ?? 0,
            m.Long("comments_count") ?? 0,
            0,
            0,
            m.Timestamp("timestamp")))
            .Where(p => p.Id.Length > 0)];
    }

    private Task<PlatformResponse> GraphAsync(string pathAndQuery, string budgetKey, CancellationToken cancellationToken) =>
        http.SendAsync(Platform, budgetKey, CallsPerHour, () => new HttpRequestMessage(HttpMethod.Get, Settings.GraphBaseUrl.TrimEnd('/') + "/" + pathAndQuery), cancellationToken);

    private PlatformGrant Grant(PlatformResponse response, string? userId, string what)
    {
        if (!response.IsSuccess || response.Body.String("access_token") is not { Length: > 0 } token)
        {
            throw Failure(response, what);
        }

        var expiresIn = response.Body.Long("expires_in") ?? (long)TimeSpan.FromDays(60).TotalSeconds;
        return new PlatformGrant(token, clock.GetUtcNow().AddSeconds(expiresIn), null, null, userId);
    }

    /// <summary>
    /// Reads both error shapes: the token endpoint's flat {error_type, code, error_message} and the
    /// Graph API's {error: {message, type, code}}. Codes 4, 17, 32 and 613 are rate limits; 190 an invalid token.
    /// </summary>
    private PlatformException Failure(PlatformResponse response, string what)
    {
        var error = response.Body.Get("error") is { ValueKind: JsonValueKind.Object } nested ? nested : response.Body;
        var code = error.Long("code");
        var message = error.String("message") ?? error.String("error_message") ?? "no readable answer";
        var kind = code switch
        {
            4 or 17 or 32 or 613 => PlatformFailureKind.RateLimited,
            190 => PlatformFailureKind.TokenRejected,
            _ when response.Body.ValueKind != JsonValueKind.Object => PlatformFailureKind.Unavailable,
            _ when response.Status == System.Net.HttpStatusCode.Unauthorized => PlatformFailureKind.TokenRejected,
            _ => PlatformFailureKind.Refused,
        };
        return new PlatformException(Platform, kind, $"Instagram would not {what}: {message} (HTTP {(int)response.Status}, code {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}).");
    }
}
