using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Social.Platforms;

/// <summary>
/// TikTok Login Kit and Display API v2: tokens from /v2/oauth/token/ (access 24 h, refresh 365 days),
/// videos from POST /v2/video/list/ with the fields in the query and a cursor (at most 20 a page).
/// </summary>
internal sealed class TikTokClient(PlatformHttp http, IOptions<SocialOptions> options, TimeProvider clock) : IPlatformClient
{
    private const string VideoFields = "id,title,video_description,cover_image_url,share_url,view_count,like_count,comment_count,share_count,create_time";
    private const int PageSize = 20;
    private const int MaxVideos = 50;

    private TikTokOptions Settings => options.Value.TikTok;

    public string Platform => "tiktok";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Settings.ClientKey) && !string.IsNullOrWhiteSpace(Settings.ClientSecret);

    public int CallsPerHour => Settings.CallsPerHour;

    public string AuthorizeUrl(string state, string redirectUri) => Settings.AuthorizeUrl + "?" + Json.Query(
        ("client_key", Settings.ClientKey), ("scope", Settings.Scope), ("response_type", "code"), ("redirect_uri", redirectUri), ("state", state));

    public Task<PlatformGrant> ExchangeCodeAsync(string code, string redirectUri, CancellationToken cancellationToken) =>
        TokenAsync(new Dictionary<string, string>
        {
            ["client_key"] = Settings.ClientKey!,
            ["client_secret"] = Settings.ClientSecret!,
            ["code"] = code,
            ["grant_type"] = "authorization_code",
            ["redirect_uri"] = redirectUri,
        }, "exchange the code", cancellationToken);

    /// <summary>Access tokens live a day; refreshing ten minutes early keeps a run from starting on a dying token.</summary>
    public bool ShouldRefresh(DateTimeOffset expiresAt, DateTimeOffset now) => expiresAt - now < TimeSpan.FromMinutes(10);

    public Task<PlatformGrant> RefreshAsync(string accessToken, string? refreshToken, CancellationToken cancellationToken) =>
        refreshToken is null
            ? throw new PlatformException(Platform, PlatformFailureKind.TokenRejected, "TikTok connection has no refresh token.")
            : TokenAsync(new Dictionary<string, string>
            {
                ["client_key"] = Settings.ClientKey!,
                ["client_secret"] = Settings.ClientSecret!,
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
            }, "refresh the token", cancellationToken);

    public async Task<PlatformAccount> GetAccountAsync(string accessToken, string budgetKey, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(Platform, budgetKey, CallsPerHour, () => Authorized(HttpMethod.Get, "/v2/user/info/?" + Json.Query(("fields", "open_id,display_name,avatar_large_url,avatar_url")), accessToken), cancellationToken);
        var user = response.Body.Get("data")?.Get("user");
        if (!IsOk(response) || user?.String("open_id") is not { Length: > 0 } openId)
        {
            throw Failure(response, "read the account");
        }

        return new PlatformAccount(openId, user.Value.String("display_name") ?? "TikTok account", user.Value.String("avatar_large_url") ?? user.Value.String("avatar_url"));
    }

    public async Task<IReadOnlyList<PlatformPost>> GetPostsAsync(string accessToken, string accountId, string budgetKey, CancellationToken cancellationToken)
    {
        var posts = new List<PlatformPost>();
        long? cursor = null;
        while (posts.Count < MaxVideos)
        {
            var body = cursor is { } at ? $$"""{"max_count":{{PageSize}},"cursor":{{at}}}""" : $$"""{"max_count":{{PageSize}}}""";
            var response = await http.SendAsync(Platform, budgetKey, CallsPerHour, () =>
            {
                var request = Authorized(HttpMethod.Post, "/v2/video/list/?" + Json.Query(("fields", VideoFields)), accessToken);
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                return request;
            }, cancellationToken);
            var data = response.Body.Get("data");
            if (!IsOk(response) || data is null)
            {
                throw Failure(response, "list the videos");
            }

            posts.AddRange(data.Value.Array("videos").Select(v => new PlatformPost(
                v.String("id") ?? string.Empty,
                v.String("video_description") is { Length: > 0 } description ? description : v.String("title") ?? string.Empty,
                v.String("cover_image_url"),
                v.String("share_url"),
                v.Long("like_count") ?? 0,
                v.Long("comment_count") ?? 0,
                v.Long("share_count") ?? 0,
                v.Long("view_count") ?? 0,
                v.Long("create_time") is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null)).Where(p => p.Id.Length > 0));

            if (data.Value.Get("has_more") is not { ValueKind: JsonValueKind.True } || data.Value.Long("cursor") is not { } next)
            {
                break;
            }

            cursor = next;
        }

        return posts.Count > MaxVideos ? posts[..MaxVideos] : posts;
    }

    private async Task<PlatformGrant> TokenAsync(Dictionary<string, string> form, string what, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(Platform, "app:" + Platform, CallsPerHour * 10, () => new HttpRequestMessage(HttpMethod.Post, Settings.ApiBaseUrl.TrimEnd('/') + "/v2/oauth/token/")
        {
            Content = new FormUrlEncodedContent(form),
        }, cancellationToken);
        var body = response.Body;
        if (!response.IsSuccess || body.String("access_token") is not { Length: > 0 } token)
        {
            throw Failure(response, what);
        }

        var now = clock.GetUtcNow();
        return new PlatformGrant(
            token,
            now.AddSeconds(body.Long("expires_in") ?? 86400),
            body.String("refresh_token"),
            body.Long("refresh_expires_in") is { } refreshIn ? now.AddSeconds(refreshIn) : null,
            body.String("open_id"));
    }

    private HttpRequestMessage Authorized(HttpMethod method, string pathAndQuery, string accessToken)
    {
        var request = new HttpRequestMessage(method, Settings.ApiBaseUrl.TrimEnd('/') + pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    private static bool IsOk(PlatformResponse response) =>
        response.IsSuccess && (response.Body.Get("error")?.String("code") ?? "ok") == "ok";

    /// <summary>
    /// The token endpoint answers {error, error_description}; the API answers {error: {code, message}}
    /// with codes such as access_token_invalid and rate_limit_exceeded.
    /// </summary>
    private PlatformException Failure(PlatformResponse response, string what)
    {
        var nested = response.Body.Get("error") is { ValueKind: JsonValueKind.Object } error ? error : (JsonElement?)null;
        var code = nested?.String("code") ?? response.Body.String("error");
        var message = nested?.String("message") ?? response.Body.String("error_description") ?? "no readable answer";
        var kind = code switch
        {
            "access_token_invalid" or "invalid_grant" when what != "exchange the code" => PlatformFailureKind.TokenRejected,
            "rate_limit_exceeded" => PlatformFailureKind.RateLimited,
            _ when response.Body.ValueKind != JsonValueKind.Object => PlatformFailureKind.Unavailable,
            _ when response.Status == System.Net.HttpStatusCode.Unauthorized => PlatformFailureKind.TokenRejected,
            "internal_error" => PlatformFailureKind.Unavailable,
            _ => PlatformFailureKind.Refused,
        };
        return new PlatformException(Platform, kind, $"TikTok would not {what}: {message} (HTTP {(int)response.Status}, {code ?? "no code"}).");
    }
}
