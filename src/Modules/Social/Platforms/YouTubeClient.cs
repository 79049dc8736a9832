using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Social.Platforms;

/// <summary>
/// YouTube through Google OAuth 2.0 (youtube.readonly, offline access for a refresh token) and the
/// Data API v3: the channel from channels?mine=true, the most viewed videos from search (order=viewCount),
/// then their snippet and statistics from videos (statistics arrive as strings).
/// </summary>
internal sealed class YouTubeClient(PlatformHttp http, IOptions<SocialOptions> options, TimeProvider clock) : IPlatformClient
{
    private YouTubeOptions Settings => options.Value.YouTube;

    public string Platform => "youtube";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Settings.ClientId) && !string.IsNullOrWhiteSpace(Settings.ClientSecret);

    public int CallsPerHour => Settings.CallsPerHour;

    public string AuthorizeUrl(string state, string redirectUri) => Settings.AuthorizeUrl + "?" + Json.Query(
        ("client_id", Settings.ClientId), ("redirect_uri", redirectUri), ("response_type", "code"), ("scope", Settings.Scope),
        ("access_type", "offline"), ("include_granted_scopes", "true"), ("prompt", "consent"), ("state", state));

    public Task<PlatformGrant> ExchangeCodeAsync(string code, string redirectUri, CancellationToken cancellationToken) =>
        TokenAsync(new Dictionary<string, string>
        {
            ["code"] = code,
            ["client_id"] = Settings.ClientId!,
            ["client_secret"] = Settings.ClientSecret!,
            ["redirect_uri"] = redirectUri,
            ["grant_type"] = "authorization_code",
        }, "exchange the code", cancellationToken);

    public bool ShouldRefresh(DateTimeOffset expiresAt, DateTimeOffset now) => expiresAt - now < TimeSpan.FromMinutes(5);

    public Task<PlatformGrant> RefreshAsync(string accessToken, string? refreshToken, CancellationToken cancellationToken) =>
        refreshToken is null
            ? throw new PlatformException(Platform, PlatformFailureKind.TokenRejected, "YouTube connection has no refresh token.")
            : TokenAsync(new Dictionary<string, string>
            {
                ["client_id"] = Settings.ClientId!,
                ["client_secret"] = Settings.ClientSecret!,
                ["refresh_token"] = refreshToken,
                ["grant_type"] = "refresh_token",
            }, "refresh the token", cancellationToken);

    public async Task<PlatformAccount> GetAccountAsync(string accessToken, string budgetKey, CancellationToken cancellationToken)
    {
        var response = await ApiAsync("/youtube/v3/channels?" + Json.Query(("part", "snippet"), ("mine", "true")), accessToken, budgetKey, cancellationToken);
        var channel = response.Body.Array("items").FirstOrDefault();
        if (!response.IsSuccess || channel.String("id") is not { Length: > 0 } id)
        {
            throw Failure(response, response.IsSuccess ? "find a channel on this account" : "read the channel");
        }

        var snippet = channel.Get("snippet");
        return new PlatformAccount(id, snippet?.String("title") ?? "YouTube channel", Thumbnail(snippet));
    }

    public async Task<IReadOnlyList<PlatformPost>> GetPostsAsync(string accessToken, string accountId, string budgetKey, CancellationToken cancellationToken)
    {
        var search = await ApiAsync("/youtube/v3/search?" + Json.Query(("part", "id"), ("channelId", accountId), ("type", "video"), ("order", "viewCount"), ("maxResults", "50")), accessToken, budgetKey, cancellationToken);
        if (!search.IsSuccess)
        {
            throw Failure(search, "search the channel");
        }

        var ids = search.Body.Array("items").Select(i => i.Get("id")?.String("videoId")).OfType<string>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var videos = await ApiAsync("/youtube/v3/videos?" + Json.Query(("part", "snippet,statistics"), ("id", string.Join(',', ids))), accessToken, budgetKey, cancellationToken);
        if (!videos.IsSuccess)
        {
            throw Failure(videos, "read the videos");
        }

        return [.. videos.Body.Array("items").Select(v =>
        {
            var snippet = v.Get("snippet");
            var statistics = v.Get("statistics");
            var title = snippet?.String("title") ?? string.Empty;
            var description = snippet?.String("description");
            var id = v.String("id") ?? string.Empty;
            return new PlatformPost(
                id,
                string.IsNullOrWhiteSpace(description) ? title : title + "\n\n" + description,
                Thumbnail(snippet),
                "https://www.youtube.com/watch?v=" + Uri.EscapeDataString(id),
                statistics?.Long("likeCount") ?? 0,
                statistics?.Long("commentCount") ?? 0,
                0,
                statistics?.Long("viewCount") ?? 0,
                snippet?.Timestamp("publishedAt"));
        }).Where(p => p.Id.Length > 0)];
    }

    private static string? Thumbnail(JsonElement? snippet)
    {
        var thumbnails = snippet?.Get("thumbnails");
        return thumbnails?.Get("high")?.String("url") ?? thumbnails?.Get("medium")?.String("url") ?? thumbnails?.Get("default")?.String("url");
    }

    private Task<PlatformResponse> ApiAsync(string pathAndQuery, string accessToken, string budgetKey, CancellationToken cancellationToken) =>
        http.SendAsync(Platform, budgetKey, CallsPerHour, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, Settings.ApiBaseUrl.TrimEnd('/') + pathAndQuery);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            return request;
        }, cancellationToken);

    private async Task<PlatformGrant> TokenAsync(Dictionary<string, string> form, string what, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(Platform, "app:" + Platform, CallsPerHour * 10, () => new HttpRequestMessage(HttpMethod.Post, Settings.TokenUrl) { Content = new FormUrlEncodedContent(form) }, cancellationToken);
        if (!response.IsSuccess || response.Body.String("access_token") is not { Length: > 0 } token)
        {
            throw Failure(response, what);
        }

        return new PlatformGrant(token, clock.GetUtcNow().AddSeconds(response.Body.Long("expires_in") ?? 3600), response.Body.String("refresh_token"), null, null);
    }

    /// <summary>
    /// Google's token endpoint answers {error, error_description}; the Data API answers
    /// {error: {code, message, errors: [{reason}]}} with reasons such as quotaExceeded and rateLimitExceeded.
    /// </summary>
    private PlatformException Failure(PlatformResponse response, string what)
    {
        var nested = response.Body.Get("error") is { ValueKind: JsonValueKind.Object } error ? error : (JsonElement?)null;
        var reason = nested?.Array("errors").Select(e => e.String("reason")).FirstOrDefault(r => r is not null) ?? response.Body.String("error");
        var message = nested?.String("message") ?? response.Body.String("error_description") ?? "no readable answer";
        var kind = reason switch
        {
            "quotaExceeded" or "rateLimitExceeded" or "userRateLimitExceeded" => PlatformFailureKind.RateLimited,
            "invalid_grant" when what == "refresh the token" => PlatformFailureKind.TokenRejected,
            _ when response.Status == System.Net.HttpStatusCode.Unauthorized => PlatformFailureKind.TokenRejected,
            _ when response.Body.ValueKind != JsonValueKind.Object => PlatformFailureKind.Unavailable,
            _ => PlatformFailureKind.Refused,
        };
        return new PlatformException(Platform, kind, $"YouTube would not {what}: {message} (HTTP {(int)response.Status}, {reason ?? "no reason"}).");
    }
}
