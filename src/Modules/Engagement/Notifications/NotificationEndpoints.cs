using System.Net.ServerSentEvents;
using System.Reflection;
using System.Runtime.CompilerServices;
using CreatorOS.Contracts.Engagement;
using CreatorOS.SharedKernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>Inbox actions, the live unread count (SSE), push subscriptions, one-click unsubscribe and the scripts.</summary>
internal static class NotificationEndpoints
{
    /// <summary>Streams also re-count this often, which covers inbox changes made on another node.</summary>
    private static readonly TimeSpan Recount = TimeSpan.FromSeconds(15);

    /// <summary>Where List-Unsubscribe-Post and the unsubscribe page post to.</summary>
    public const string UnsubscribePath = "/notifications/unsubscribe/one-click";

    /// <summary>The unsubscribe page an email's footer links to (<see cref="UnsubscribePage"/>).</summary>
    public const string UnsubscribePagePath = "/notifications/unsubscribe";

    /// <summary>The notification settings page (<see cref="PreferencesPage"/>), linked from every email.</summary>
    public const string PreferencesPath = "/account/notifications";

    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var signedIn = app.MapGroup(string.Empty).RequireAuthorization();

        signedIn.MapGet("/api/notifications/stream", (HttpContext http, Inbox inbox, InboxSignal signal, CancellationToken cancellationToken) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.ServerSentEvents(UnreadCounts(http.User.UserId()!.Value, inbox, signal, cancellationToken));
        });

        signedIn.MapGet("/api/notifications/unread-count", async (HttpContext http, Inbox inbox, CancellationToken cancellationToken) =>
            Results.Ok(new { unread = await inbox.UnreadCountAsync(http.User.UserId()!.Value, cancellationToken) }));

        // [FromForm] makes the antiforgery middleware check the form's token.
        signedIn.MapPost("/notifications/{id:guid}/read", async ([FromForm] string? returnUrl, Guid id, HttpContext http, Inbox inbox, CancellationToken cancellationToken) =>
            await inbox.MarkReadAsync(http.User.UserId()!.Value, id, cancellationToken) ? Results.LocalRedirect("/notifications") : Results.NotFound());

        signedIn.MapPost("/notifications/read-all", async ([FromForm] string? returnUrl, HttpContext http, Inbox inbox, CancellationToken cancellationToken) =>
        {
            await inbox.MarkAllReadAsync(http.User.UserId()!.Value, cancellationToken);
            return Results.LocalRedirect("/notifications");
        });

        // JSON only: a cross-site page cannot send application/json without a CORS preflight, which is never granted.
        signedIn.MapPost("/api/notifications/push/subscriptions", async (PushSubscriptionRequest request, HttpContext http, PushSubscriptions subscriptions, IConfiguration configuration, CancellationToken cancellationToken) =>
        {
            var allowHttp = configuration.GetValue("Notifications:AllowPlainHttpPushEndpoints", false);
            var problem = await subscriptions.SubscribeAsync(http.User.UserId()!.Value, request.Endpoint, request.Keys?.P256dh, request.Keys?.Auth, allowHttp, cancellationToken);
            return problem switch
            {
                null => Results.Created(),
                PushSubscriptions.TakenByAnotherUser => Results.Conflict(new { error = problem }),
                _ => Results.BadRequest(new { error = problem }),
            };
        });

        signedIn.MapDelete("/api/notifications/push/subscriptions", async (string endpoint, HttpContext http, PushSubscriptions subscriptions, CancellationToken cancellationToken) =>
            await subscriptions.UnsubscribeAsync(http.User.UserId()!.Value, endpoint, cancellationToken) > 0 ? Results.NoContent() : Results.NotFound());

        app.MapGet("/notifications/push/key", async (VapidKeys keys, CancellationToken cancellationToken) =>
            Results.Ok(new { publicKey = await keys.PublicKeyAsync(cancellationToken) }));

        // RFC 8058 one-click unsubscribe: mail clients POST without a session or antiforgery token;
        // the signed token in the URL is the authority, and all it can do is turn email off.
        app.MapPost(UnsubscribePath, async (string? token, UnsubscribeTokens tokens, Preferences preferences, CancellationToken cancellationToken) =>
        {
            if (tokens.Read(token) is not { } subject)
            {
                return Results.BadRequest(new { error = "This unsubscribe link is not valid." });
            }

            // A critical category is refused (only links sent before critical emails stopped carrying
            // one can ask): back to the page, which explains, rather than on to a false "done".
            var page = $"{UnsubscribePagePath}?token={Uri.EscapeDataString(token!)}";
            return await preferences.MuteAsync(subject.UserId, subject.Category, NotificationChannels.Email, cancellationToken)
                ? Results.LocalRedirect(page + "&done=1")
                : Results.LocalRedirect(page);
        }).DisableAntiforgery();

        app.MapGet("/notifications/bell.js", () => Asset("bell.js"));
        app.MapGet("/notifications/sw.js", () => Asset("sw.js"));
    }

    private static async IAsyncEnumerable<SseItem<string>> UnreadCounts(Guid userId, Inbox inbox, InboxSignal signal, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var listener = signal.Listen(userId);
        var last = -1;
        while (!cancellationToken.IsCancellationRequested)
        {
            var count = await inbox.UnreadCountAsync(userId, cancellationToken);
            if (count != last)
            {
                last = count;
                yield return new SseItem<string>(count.ToString(System.Globalization.CultureInfo.InvariantCulture), "unread");
            }

            await listener.WaitAsync(Recount, cancellationToken);
        }
    }

    private static IResult Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CreatorOS.Modules.Engagement.Notifications.Assets." + name)!;
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), "text/javascript; charset=utf-8");
    }

    internal sealed record PushSubscriptionRequest(string? Endpoint, PushKeys? Keys);

    internal sealed record PushKeys(string? P256dh, string? Auth);
}
