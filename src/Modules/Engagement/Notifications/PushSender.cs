using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CreatorOS.Modules.Engagement.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>
/// Sends a notification to every browser the user subscribed, as an encrypted Web Push message
/// with VAPID. A subscription the push service reports gone (404/410) is deleted.
/// </summary>
internal sealed class PushSender(EngagementDbContext db, IHttpClientFactory http, VapidKeys vapid, IOptions<NotificationOptions> options)
{
    public const string HttpClientName = "webpush";

    public async Task<ChannelOutcome> SendAsync(Guid userId, string deliveryId, string title, string body, string? link, CancellationToken cancellationToken)
    {
        var subscriptions = await db.PushSubscriptions.Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return ChannelOutcome.Drop("No push subscription.");
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(new { title, body = Shorten(body, 180), url = link ?? "/notifications", tag = deliveryId });
        var retry = new List<string>();
        var sent = 0;
        foreach (var subscription in subscriptions)
        {
            var outcome = await SendOneAsync(subscription, payload, cancellationToken);
            if (outcome is null)
            {
                sent++;
            }
            else if (outcome == "gone")
            {
                db.PushSubscriptions.Remove(subscription);
            }
            else
            {
                retry.Add(outcome);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        // One browser reached is enough: retrying would show the others' copy twice on the ones that got it.
        return sent > 0 ? ChannelOutcome.Sent
            : retry.Count > 0 ? ChannelOutcome.Retry(string.Join("; ", retry))
            : ChannelOutcome.Drop("Every push subscription has expired.");
    }

    /// <returns>null when accepted, "gone" when the subscription no longer exists, otherwise why to retry.</returns>
    private async Task<string?> SendOneAsync(PushSubscription subscription, byte[] payload, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(subscription.Endpoint, UriKind.Absolute, out var endpoint))
        {
            return "gone";
        }

        byte[] body;
        try
        {
            body = WebPushEncryption.Encrypt(payload, WebEncoders.Base64UrlDecode(subscription.P256dh), WebEncoders.Base64UrlDecode(subscription.Auth));
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            return "gone";
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.ContentEncoding.Add("aes128gcm");
        request.Headers.TryAddWithoutValidation("TTL", "86400");
        request.Headers.TryAddWithoutValidation("Urgency", "normal");
        request.Headers.TryAddWithoutValidation("Authorization", await vapid.AuthorizationAsync(endpoint, options.Value.VapidSubject, cancellationToken));

        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return response.StatusCode switch
            {
                _ when response.IsSuccessStatusCode => null,
                HttpStatusCode.NotFound or HttpStatusCode.Gone => "gone",
                _ => $"push service answered {(int)response.StatusCode}",
            };
        }
        catch (HttpRequestException exception)
        {
            return "push service unreachable: " + exception.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "push service timed out";
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
