using System.Collections.Concurrent;
using System.Text.Json;
using CreatorOS.IntegrationTests.Assistant;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreatorOS.IntegrationTests.Social;

/// <summary>One post as a fake platform reports it.</summary>
public sealed record FakePost(string Id, string Caption, long Likes = 0, long Comments = 0, long Shares = 0, long Views = 0, DateTimeOffset? PostedAt = null);

/// <summary>
/// Instagram, TikTok and Google/YouTube on one loopback Kestrel server, each under its own path
/// prefix, speaking the platforms' real request parameters and JSON (token exchange, refresh,
/// profile, media lists, error bodies), so the app's production HTTP clients run unmodified.
/// It approves consent unless told to deny, and can be switched down or made to expire tokens.
/// </summary>
public sealed class FakePlatforms : IAsyncDisposable
{
    public const string ClientId = "fake-client-id";
    public const string ClientSecret = "fake-client-secret";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Platform, string RedirectUri)> _codes = new();
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private int _sequence;

    private FakePlatforms(WebApplication app)
    {
        _app = app;
    }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every request seen: "METHOD /path?query" plus the form fields.</summary>
    public ConcurrentQueue<(string Request, IReadOnlyDictionary<string, string> Form)> Requests { get; } = new();

    public Dictionary<string, List<FakePost>> Posts { get; } = new()
    {
        ["instagram"] = [],
        ["tiktok"] = [],
        ["youtube"] = [],
    };

    /// <summary>Platforms answering 503 to everything.</summary>
    public HashSet<string> Down { get; } = [];

    /// <summary>Consent screens that answer "deny".</summary>
    public HashSet<string> Denying { get; } = [];

    private readonly ConcurrentDictionary<string, bool> _expired = new();

    /// <summary>Every access token issued so far by the platform is now expired (refresh tokens still work).</summary>
    public void ExpireIssuedAccessTokens(string platform)
    {
        foreach (var token in _tokens.Where(t => t.Value == platform && !t.Key.StartsWith("rft", StringComparison.Ordinal) && !t.Key.StartsWith("1//", StringComparison.Ordinal)).Select(t => t.Key))
        {
            _expired[token] = true;
        }
    }

    /// <summary>Refresh is refused too (revoked consent).</summary>
    public HashSet<string> RevokedRefresh { get; } = [];

    /// <summary>TikTok access token lifetime in seconds (the real one is 86400).</summary>
    public int TikTokExpiresIn { get; set; } = 86400;

    public int Count(string pathFragment) => Requests.Count(r => r.Request.Contains(pathFragment, StringComparison.Ordinal));

    public static async Task<FakePlatforms> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakePlatforms(app);
        fake.Map();
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    /// <summary>Settings pointing the app at this server, with a token key.</summary>
    public Dictionary<string, string?> Settings(string activeKey = "k1", params (string Id, string Base64)[] keys)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Social:Instagram:ClientId"] = ClientId,
            ["Social:Instagram:ClientSecret"] = ClientSecret,
            ["Social:Instagram:AuthorizeUrl"] = BaseUrl + "/instagram/oauth/authorize",
            ["Social:Instagram:TokenUrl"] = BaseUrl + "/instagram/oauth/access_token",
            ["Social:Instagram:GraphBaseUrl"] = BaseUrl + "/instagram-graph",
            ["Social:TikTok:ClientKey"] = ClientId,
            ["Social:TikTok:ClientSecret"] = ClientSecret,
            ["Social:TikTok:AuthorizeUrl"] = BaseUrl + "/tiktok/v2/auth/authorize/",
            ["Social:TikTok:ApiBaseUrl"] = BaseUrl + "/tiktok-api",
            ["Social:YouTube:ClientId"] = ClientId,
            ["Social:YouTube:ClientSecret"] = ClientSecret,
            ["Social:YouTube:AuthorizeUrl"] = BaseUrl + "/google/o/oauth2/v2/auth",
            ["Social:YouTube:TokenUrl"] = BaseUrl + "/google/token",
            ["Social:YouTube:ApiBaseUrl"] = BaseUrl + "/youtube-api",
            ["Social:AllowHttpMedia"] = "true",
            ["Social:BackoffBase"] = "00:00:00.010",
            ["Social:MaxBackoff"] = "00:00:00.050",
            ["Social:TokenKeys:Active"] = activeKey,
        };
        foreach (var (id, base64) in keys.Length > 0 ? keys : [("k1", TestKeys.K1)])
        {
            settings["Social:TokenKeys:Keys:" + id] = base64;
        }

        return settings;
    }

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            var form = context.Request.HasFormContentType
                ? (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
                : new Dictionary<string, string>();
            Requests.Enqueue(($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}", form));
            var platform = context.Request.Path.Value!.Split('/')[1] switch
            {
                "instagram" or "instagram-graph" => "instagram",
                "tiktok" or "tiktok-api" => "tiktok",
                "google" or "youtube-api" => "youtube",
                _ => null,
            };
            if (platform is not null && Down.Contains(platform))
            {
                context.Response.StatusCode = 503;
                await context.Response.WriteAsync("Service Unavailable");
                return;
            }

            await next();
        });

        // ----- consent screens: approve (or deny) and redirect back, as the platforms do -----
        _app.MapGet("/instagram/oauth/authorize", (HttpContext c) => Consent(c, "instagram", "client_id"));
        _app.MapGet("/tiktok/v2/auth/authorize/", (HttpContext c) => Consent(c, "tiktok", "client_key"));
        _app.MapGet("/google/o/oauth2/v2/auth", (HttpContext c) => Consent(c, "youtube", "client_id"));

        // ----- Instagram -----
        _app.MapPost("/instagram/oauth/access_token", (HttpContext c) =>
        {
            var form = c.Request.Form;
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["grant_type"] != "authorization_code"
                || !TakeCode(form["code"], "instagram", form["redirect_uri"]))
            {
                return Results.Json(new { error_type = "OAuthException", code = 400, error_message = "Invalid authorization code" }, statusCode: 400);
            }

            return Results.Json(new { access_token = Issue("instagram", "IGQshort"), user_id = 17841400000000001 });
        });
        _app.MapGet("/instagram-graph/access_token", (HttpContext c) =>
        {
            var q = c.Request.Query;
            return q["grant_type"] != "ig_exchange_token" || q["client_secret"] != ClientSecret || !IsToken(q["access_token"], "instagram", "IGQshort")
                ? GraphError(190, "Invalid OAuth access token - Cannot parse access token")
                : Results.Json(new { access_token = Issue("instagram", "IGQlong"), token_type = "bearer", expires_in = 5184000 });
        });
        _app.MapGet("/instagram-graph/refresh_access_token", (HttpContext c) =>
        {
            var q = c.Request.Query;
            return q["grant_type"] != "ig_refresh_token" || RevokedRefresh.Contains("instagram") || !IsToken(q["access_token"], "instagram", "IGQlong")
                ? GraphError(190, "Error validating access token: The user has not authorized application.")
                : Results.Json(new { access_token = Issue("instagram", "IGQlong"), token_type = "bearer", expires_in = 5184000 });
        });
        _app.MapGet("/instagram-graph/me", (HttpContext c) => !IsToken(c.Request.Query["access_token"], "instagram", "IGQlong")
            ? GraphError(190, "Error validating access token: Session has expired.")
            : Results.Json(new { id = "17841400000000001", username = "sam.strong", profile_picture_url = BaseUrl + "/cdn/avatar.png" }));
        _app.MapGet("/instagram-graph/me/media", (HttpContext c) => !IsToken(c.Request.Query["access_token"], "instagram", "IGQlong")
            ? GraphError(190, "Error validating access token: Session has expired.")
            : Results.Json(new
            {
                data = Posts["instagram"].Select(p => new
                {
                    id = p.Id,
                    caption = p.Caption,
                    media_type = "IMAGE",
                    media_url = $"{BaseUrl}/cdn/{p.Id}.jpg",
                    // The Graph API's format: 2026-11-20T10:00:00+0000.
                    timestamp = (p.PostedAt ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", System.Globalization.CultureInfo.InvariantCulture),
                    permalink = $"https://www.instagram.com/p/{p.Id}/",
                    like_count = p.Likes,
                    comments_count = p.Comments,
                }),
                paging = new { cursors = new { before = "QVFIUmx", after = "QVFIUmy" } },
            }));

        // ----- TikTok -----
        _app.MapPost("/tiktok-api/v2/oauth/token/", (HttpContext c) =>
        {
            var form = c.Request.Form;
            if (form["client_key"] != ClientId || form["client_secret"] != ClientSecret)
            {
                return Results.Json(new { error = "invalid_client", error_description = "Client key or secret is incorrect.", log_id = LogId() }, statusCode: 401);
            }

            var ok = form["grant_type"] == "authorization_code"
                ? TakeCode(form["code"], "tiktok", form["redirect_uri"])
                : form["grant_type"] == "refresh_token" && !RevokedRefresh.Contains("tiktok") && IsToken(form["refresh_token"], "tiktok", "rft");
            return !ok
                ? Results.Json(new { error = "invalid_grant", error_description = "Authorization code or refresh token is expired or invalid.", log_id = LogId() }, statusCode: 400)
                : Results.Json(new
                {
                    access_token = Issue("tiktok", "act"),
                    expires_in = TikTokExpiresIn,
                    open_id = "_000Fake0penId",
                    refresh_expires_in = 31536000,
                    refresh_token = Issue("tiktok", "rft"),
                    scope = "user.info.basic,video.list",
                    token_type = "Bearer",
                });
        });
        _app.MapGet("/tiktok-api/v2/user/info/", (HttpContext c) => !IsBearer(c, "tiktok", "act")
            ? TikTokError()
            : Results.Json(new { data = new { user = new { open_id = "_000Fake0penId", display_name = "Sam Strong", avatar_large_url = BaseUrl + "/cdn/avatar.png" } }, error = new { code = "ok", message = "", log_id = LogId() } }));
        _app.MapPost("/tiktok-api/v2/video/list/", async (HttpContext c) =>
        {
            if (!IsBearer(c, "tiktok", "act"))
            {
                return TikTokError();
            }

            using var body = await JsonDocument.ParseAsync(c.Request.Body);
            var max = body.RootElement.GetProperty("max_count").GetInt32();
            var cursor = body.RootElement.TryGetProperty("cursor", out var at) ? at.GetInt32() : 0;
            if (max > 20 || !c.Request.Query["fields"].ToString().Contains("share_count", StringComparison.Ordinal))
            {
                return Results.Json(new { data = new { }, error = new { code = "invalid_params", message = "max_count must be at most 20", log_id = LogId() } }, statusCode: 400);
            }

            var page = Posts["tiktok"].Skip(cursor).Take(max).ToList();
            return Results.Json(new
            {
                data = new
                {
                    videos = page.Select(p => new
                    {
                        id = p.Id,
                        title = p.Caption.Length > 30 ? p.Caption[..30] : p.Caption,
                        video_description = p.Caption,
                        cover_image_url = $"{BaseUrl}/cdn/{p.Id}.jpg",
                        share_url = $"https://www.tiktok.com/@samstrong/video/{p.Id}",
                        view_count = p.Views,
                        like_count = p.Likes,
                        comment_count = p.Comments,
                        share_count = p.Shares,
                        create_time = (p.PostedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
                    }),
                    cursor = cursor + page.Count,
                    has_more = cursor + page.Count < Posts["tiktok"].Count,
                },
                error = new { code = "ok", message = "", log_id = LogId() },
            });
        });

        // ----- Google OAuth + YouTube Data API v3 -----
        _app.MapPost("/google/token", (HttpContext c) =>
        {
            var form = c.Request.Form;
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            {
                return Results.Json(new { error = "invalid_client", error_description = "The OAuth client was not found." }, statusCode: 401);
            }

            if (form["grant_type"] == "refresh_token")
            {
                return RevokedRefresh.Contains("youtube") || !IsToken(form["refresh_token"], "youtube", "1//")
                    ? Results.Json(new { error = "invalid_grant", error_description = "Token has been expired or revoked." }, statusCode: 400)
                    : Results.Json(new { access_token = Issue("youtube", "ya29."), expires_in = 3599, scope = "https://www.googleapis.com/auth/youtube.readonly", token_type = "Bearer" });
            }

            return form["grant_type"] != "authorization_code" || !TakeCode(form["code"], "youtube", form["redirect_uri"])
                ? Results.Json(new { error = "invalid_grant", error_description = "Bad Request" }, statusCode: 400)
                : Results.Json(new { access_token = Issue("youtube", "ya29."), expires_in = 3599, refresh_token = Issue("youtube", "1//"), scope = "https://www.googleapis.com/auth/youtube.readonly", token_type = "Bearer" });
        });
        _app.MapGet("/youtube-api/youtube/v3/channels", (HttpContext c) => !IsBearer(c, "youtube", "ya29.")
            ? GoogleError()
            : Results.Json(new
            {
                kind = "youtube#channelListResponse",
                items = new[] { new { kind = "youtube#channel", id = "UCfakeChannel0000000000", snippet = new { title = "Strong with Sam", thumbnails = new { high = new { url = BaseUrl + "/cdn/avatar.png", width = 800, height = 800 } } } } },
            }));
        _app.MapGet("/youtube-api/youtube/v3/search", (HttpContext c) =>
        {
            if (!IsBearer(c, "youtube", "ya29."))
            {
                return GoogleError();
            }

            var q = c.Request.Query;
            var ids = q["channelId"] == "UCfakeChannel0000000000" && q["order"] == "viewCount" && q["type"] == "video"
                ? Posts["youtube"].OrderByDescending(p => p.Views).Select(p => p.Id)
                : [];
            return Results.Json(new { kind = "youtube#searchListResponse", items = ids.Select(id => new { kind = "youtube#searchResult", id = new { kind = "youtube#video", videoId = id } }) });
        });
        _app.MapGet("/youtube-api/youtube/v3/videos", (HttpContext c) =>
        {
            if (!IsBearer(c, "youtube", "ya29."))
            {
                return GoogleError();
            }

            var ids = c.Request.Query["id"].ToString().Split(',');
            return Results.Json(new
            {
                kind = "youtube#videoListResponse",
                items = Posts["youtube"].Where(p => ids.Contains(p.Id)).Select(p => new
                {
                    kind = "youtube#video",
                    id = p.Id,
                    snippet = new
                    {
                        publishedAt = (p.PostedAt ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                        channelId = "UCfakeChannel0000000000",
                        title = Split(p.Caption).Title,
                        description = Split(p.Caption).Description,
                        thumbnails = new { high = new { url = $"{BaseUrl}/cdn/{p.Id}.jpg", width = 480, height = 360 } },
                    },
                    // The Data API sends statistics as strings.
                    statistics = new { viewCount = p.Views.ToString(System.Globalization.CultureInfo.InvariantCulture), likeCount = p.Likes.ToString(System.Globalization.CultureInfo.InvariantCulture), commentCount = p.Comments.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                }),
            });
        });

        _app.MapGet("/cdn/avatar.png", () => Results.Bytes(TestImages.Png(320, 320), "image/png"));
    }

    private static (string Title, string Description) Split(string caption)
    {
        var lines = caption.Split("\n\n", 2);
        return (lines[0], lines.Length > 1 ? lines[1] : string.Empty);
    }

    private IResult Consent(HttpContext context, string platform, string clientParameter)
    {
        var q = context.Request.Query;
        var redirect = q["redirect_uri"].ToString();
        if (q[clientParameter] != ClientId || q["response_type"] != "code" || string.IsNullOrEmpty(redirect) || string.IsNullOrEmpty(q["scope"]))
        {
            return Results.BadRequest("invalid consent request");
        }

        var state = Uri.EscapeDataString(q["state"].ToString());
        if (Denying.Contains(platform))
        {
            return Results.Redirect($"{redirect}?error=access_denied&error_description=The+user+denied+your+request.&state={state}");
        }

        var code = $"code-{platform}-{Interlocked.Increment(ref _sequence)}";
        _codes[code] = (platform, redirect);
        return Results.Redirect($"{redirect}?code={code}&state={state}");
    }

    private bool TakeCode(string? code, string platform, string? redirectUri) =>
        code is not null && _codes.TryRemove(code, out var issued) && issued.Platform == platform && issued.RedirectUri == redirectUri;

    private string Issue(string platform, string prefix)
    {
        var token = $"{prefix}{Guid.NewGuid():N}";
        _tokens[token] = platform;
        return token;
    }

    private bool IsToken(string? token, string platform, string prefix) =>
        token is not null && token.StartsWith(prefix, StringComparison.Ordinal) && _tokens.TryGetValue(token, out var owner) && owner == platform
        && !_expired.ContainsKey(token);

    private bool IsBearer(HttpContext context, string platform, string prefix)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && IsToken(header["Bearer ".Length..], platform, prefix);
    }

    private static IResult GraphError(int code, string message) =>
        Results.Json(new { error = new { message, type = "OAuthException", code, error_subcode = 463, fbtrace_id = "AbCdEf123" } }, statusCode: 400);

    private static IResult TikTokError() =>
        Results.Json(new { data = new { }, error = new { code = "access_token_invalid", message = "The access token is invalid or not found in the request.", log_id = LogId() } }, statusCode: 401);

    private static IResult GoogleError() =>
        Results.Json(new
        {
            error = new
            {
                code = 401,
                message = "Request had invalid authentication credentials. Expected OAuth 2 access token.",
                errors = new[] { new { message = "Invalid Credentials", domain = "global", reason = "authError", location = "Authorization", locationType = "header" } },
                status = "UNAUTHENTICATED",
            },
        }, statusCode: 401);

    private static string LogId() => "20261122" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>Fixed AES-256 test keys (base64 of 32 bytes).</summary>
public static class TestKeys
{
    public static readonly string K1 = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    public static readonly string K2 = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());
}
