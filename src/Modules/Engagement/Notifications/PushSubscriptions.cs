using CreatorOS.Modules.Engagement.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>
/// Stores the browser subscriptions a signed-in user makes; validates them as RFC 8291 requires.
/// An endpoint is bound to the user who registered it. Registering it again rebinds (new keys)
/// only for that same user; another user is refused (<see cref="TakenByAnotherUser"/>), because
/// knowing an endpoint proves nothing: moving it silently would let anyone who learnt it cut the
/// owner off and push into their browser. A browser that really changed hands asks its push
/// service for a fresh endpoint (bell.js does on 409), and the old one dies with a 410.
/// </summary>
internal sealed class PushSubscriptions(EngagementDbContext db, TimeProvider clock)
{
    public const string TakenByAnotherUser = "This browser's push subscription belongs to another account. Subscribe again to get a new one.";

    /// <summary>Saves (or refreshes this user's own) subscription; returns the problem when it is malformed or another user's.</summary>
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
        if (existing is not null && existing.UserId != userId)
        {
            return TakenByAnotherUser;
        }

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
