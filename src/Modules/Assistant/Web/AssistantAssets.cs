using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using CreatorOS.SharedKernel.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace CreatorOS.Modules.Assistant.Web;

/// <summary>
/// Serves the chat's ES modules and stylesheet, embedded in this assembly (Web/Assets), under a
/// path that carries a hash of all of them: <c>/avery/assets/{version}/{file}</c>. Relative
/// imports between the modules keep the version, so a page never mixes old and new files and
/// every file can be cached for a year. Also serves <c>/avery/widget.js</c>, the one stable URL
/// other pages include.
/// </summary>
internal static class AssistantAssets
{
    public const string WidgetPath = "/avery/widget.js";

    private const string ResourcePrefix = "CreatorOS.Modules.Assistant.Web.Assets.";
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string Revalidate = "no-cache";

    private static readonly Lazy<Catalog> Files = new(Load);

    public static string Version => Files.Value.Version;

    /// <summary>The versioned URL of an asset, e.g. <c>Url("avery.css")</c>.</summary>
    public static string Url(string file) => $"/avery/assets/{Version}/{file}";

    /// <summary>The widget script with its version, for layouts that want it cached for good.</summary>
    public static string WidgetUrl => $"{WidgetPath}?v={Version}";

    internal static IEndpointRouteBuilder MapAssistantAssets(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/avery/assets/{version}/{file}", (string version, string file, HttpContext context) =>
        {
            if (!Files.Value.Assets.TryGetValue(file, out var asset))
            {
                return Results.NotFound();
            }

            // An old page asking for an old version still gets today's file, just not cached for long.
            Headers(context, version == Version ? Immutable : Revalidate);
            return Results.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
        });

        app.MapGet(WidgetPath, (HttpContext context) =>
        {
            var version = context.Request.Query["v"].ToString();
            Headers(context, version == Version ? Immutable : Revalidate);
            var loader = Files.Value.WidgetLoader;
            return Results.Bytes(loader.Content, loader.ContentType, entityTag: loader.ETag);
        });

        // The widget runs on pages that may not render a token (photo upload and tickets need one).
        // A cross-origin page cannot read this response: no CORS headers are sent for it.
        app.MapGet("/avery/antiforgery-token", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Ok(new { token = tokens.RequestToken, headerName = tokens.HeaderName });
        }).RequireAuthorization(WorkspaceClaims.OwnerPolicy);

        return app;
    }

    private static void Headers(HttpContext context, string cacheControl)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = cacheControl;
        headers.XContentTypeOptions = "nosniff";

        // Module scripts are fetched in CORS mode; these files are public code, so any page may load them.
        headers.AccessControlAllowOrigin = "*";
    }

    private static Catalog Load()
    {
        var assembly = typeof(AssistantAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var file = name[ResourcePrefix.Length..];
            hash.AppendData(Encoding.UTF8.GetBytes(file));
            hash.AppendData(content);
            assets[file] = Asset.Of(content, ContentTypeOf(file));
        }

        var version = Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
        var loader = $"""
            // Avery widget {version}. Include on any page with <script type="module" src="{WidgetPath}"></script>.
            import '/avery/assets/{version}/avery-widget.js';

            """;
        return new Catalog(version, assets.ToFrozenDictionary(StringComparer.Ordinal), Asset.Of(Encoding.UTF8.GetBytes(loader), ContentTypeOf(WidgetPath)));
    }

    private static string ContentTypeOf(string file) => Path.GetExtension(file) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Catalog(string Version, FrozenDictionary<string, Asset> Assets, Asset WidgetLoader);

    private sealed record Asset(byte[] Content, string ContentType, EntityTagHeaderValue ETag)
    {
        public static Asset Of(byte[] content, string contentType) =>
            new(content, contentType, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..20]}\""));
    }
}
