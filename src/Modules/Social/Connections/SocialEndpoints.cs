using CreatorOS.Contracts.Social;
using CreatorOS.Modules.Social.Data;
using CreatorOS.SharedKernel.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Social.Connections;

/// <summary>
/// The popup flow (spec Tickets 3.1–3.3): <c>/social/{platform}/connect</c> starts the sign-in and
/// <c>/social/{platform}/callback</c> ends it; the JSON API lists and disconnects connections.
/// Every route acts on the signed-in owner's workspace only.
/// </summary>
internal static class SocialEndpoints
{
    public static string ConnectPath(string platform) => $"/social/{platform}/connect";

    public static IEndpointRouteBuilder MapSocialEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/social/{platform}/connect", ConnectAsync).RequireAuthorization(WorkspaceClaims.OwnerPolicy);
        app.MapGet("/social/{platform}/callback", CallbackAsync).RequireAuthorization(WorkspaceClaims.OwnerPolicy);
        app.MapGet(CallbackPage.ScriptPath, () => Results.Bytes(CallbackPage.Script, "text/javascript; charset=utf-8"));
        app.MapGet("/api/social/connections", ListAsync).RequireAuthorization(WorkspaceClaims.OwnerPolicy);
        app.MapPost("/api/social/{platform}/disconnect", DisconnectAsync)
            .RequireAuthorization(WorkspaceClaims.OwnerPolicy)
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    private static string CookieName(string platform) => "creatoros.social." + platform;

    private static async Task<IResult> ConnectAsync(string platform, HttpContext context, ConnectFlow flow, IOptions<SocialOptions> options, CancellationToken cancellationToken)
    {
        if (!SocialPlatforms.IsKnown(platform))
        {
            return Results.NotFound();
        }

        var workspaceId = context.User.RequireOwnedWorkspace();
        var userId = context.User.UserId() ?? throw new UnauthorizedAccessException("No user id in the cookie.");
        var begun = await flow.BeginAsync(workspaceId, userId, platform, RedirectUri(context, options.Value, platform), cancellationToken);
        if (begun is null)
        {
            return Page(platform, new ConnectOutcome(false, "not_available"));
        }

        context.Response.Cookies.Append(CookieName(platform), begun.Binding, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            // Lax: the platform's redirect back is a top-level GET navigation from another site.
            SameSite = SameSiteMode.Lax,
            Path = $"/social/{platform}",
            MaxAge = options.Value.StateLifetime,
            IsEssential = true,
        });
        return Results.Redirect(begun.AuthorizeUrl);
    }

    private static async Task<IResult> CallbackAsync(string platform, HttpContext context, ConnectFlow flow, CancellationToken cancellationToken)
    {
        if (!SocialPlatforms.IsKnown(platform))
        {
            return Results.NotFound();
        }

        var workspaceId = context.User.RequireOwnedWorkspace();
        var userId = context.User.UserId() ?? throw new UnauthorizedAccessException("No user id in the cookie.");
        var query = context.Request.Query;
        var callback = new CallbackParameters(query["state"], context.Request.Cookies[CookieName(platform)], query["code"], query["error"]);
        var outcome = await flow.CompleteAsync(workspaceId, userId, platform, callback, cancellationToken);
        if (outcome.Reason != "invalid_state")
        {
            // The sign-in is spent. A forged callback leaves the cookie, so it cannot break the real one.
            context.Response.Cookies.Delete(CookieName(platform), new CookieOptions { Path = $"/social/{platform}" });
        }

        return Page(platform, outcome);
    }

    private static async Task<IResult> ListAsync(HttpContext context, ISocialConnections connections, CancellationToken cancellationToken) =>
        Results.Ok(await connections.ListAsync(context.User.RequireOwnedWorkspace(), cancellationToken));

    private static async Task<IResult> DisconnectAsync(string platform, HttpContext context, SocialDbContext db, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!SocialPlatforms.IsKnown(platform))
        {
            return Results.NotFound();
        }

        var workspaceId = context.User.RequireOwnedWorkspace();
        if (!await HasValidAntiforgeryTokenAsync(context, antiforgery))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request token", detail: "The request token is missing or has expired. Reload the page and try again.");
        }

        var removed = await db.Connections.Where(c => c.WorkspaceId == workspaceId && c.Platform == platform).ExecuteDeleteAsync(cancellationToken);
        return removed == 0 ? Results.NotFound() : Results.NoContent();
    }

    private static string RedirectUri(HttpContext context, SocialOptions options, string platform)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.RedirectBaseUrl)
            ? $"{context.Request.Scheme}://{context.Request.Host}"
            : options.RedirectBaseUrl.TrimEnd('/');
        return $"{baseUrl}/social/{platform}/callback";
    }

    private static IResult Page(string platform, ConnectOutcome outcome) =>
        Results.Content(CallbackPage.Render(platform, outcome), "text/html; charset=utf-8");

    private static async Task<bool> HasValidAntiforgeryTokenAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { } verdict)
        {
            return verdict.IsValid;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
