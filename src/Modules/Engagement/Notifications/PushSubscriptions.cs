using CreatorOS.Modules.Engagement.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>Stores the browser subscriptions a signed-in user makes; validates them as RFC 8291 requires.</summary>
internal sealed class PushSubscriptions(EngagementDbContext db, TimeProvider clock)
{
    /// <summary>Saves (or re-assigns to this user) a subscription; returns the problem when it is malformed.</summary>
    public async Task<string?> SubscribeAsync(Guid userId, string? endpoint, string? p256dh, string? auth, bool allowPlainHttp, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || endpoint.Length > 1000
            || !(uri.Scheme == Uri.UriSchemeHttps || (allowPlainHttp && uri.Scheme == Uri.UriSchemeHttp)))
        {
            return "endpoint must be an https URL from the browser's push service.";
        }

        if (Decoded(p256dh) is not { Length: 65 } key || key[0] != 0x04)
        {
            return "keys.p256dh must be the base64url uncompressed P-256 public key (65 bytes).";
        }

        if (Decoded(auth) is not { Length: 16 })
        {
            return "keys.auth must be the base64url 16-byte auth secret.";
        }

        var existing = await db.PushSubscriptions.SingleOrDefaultAsync(s => s.Endpoint == endpoint, cancellationToken);
        if (existing is not null)
        {
            db.PushSubscriptions.Remove(existing);
        }

        db.PushSubscriptions.Add(new PushSubscription
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserId = userId,
            Endpoint = endpoint,
            P256dh = p256dh!,
            Auth = auth!,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public Task<int> UnsubscribeAsync(Guid userId, string endpoint, CancellationToken cancellationToken) =>
        db.PushSubscriptions.Where(s => s.UserId == userId && s.Endpoint == endpoint).ExecuteDeleteAsync(cancellationToken);

    private static byte[]? Decoded(string? base64Url)
    {
        if (string.IsNullOrWhiteSpace(base64Url) || base64Url.Length > 200)
        {
            return null;
        }

        try
        {
            return WebEncoders.Base64UrlDecode(base64Url);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
