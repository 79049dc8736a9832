using CreatorOS.Contracts.Engagement;
using CreatorOS.Modules.Engagement.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>
/// <see cref="INotifications"/>: stores the notification and one delivery per outbound channel the
/// user allows, in one transaction, keyed so that a repeated send adds nothing. Preferences are
/// read here, at send time; critical categories ignore mutes and quiet hours.
/// </summary>
internal sealed class NotificationCenter(EngagementDbContext db, InboxSignal inbox, TimeProvider clock) : INotifications
{
    public async Task<NotificationReceipt> SendAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        if (NotificationRules.Problem(request) is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        if (await ExistingAsync(request.IdempotencyKey, cancellationToken) is { } existing)
        {
            return existing;
        }

        var critical = NotificationCategories.IsCritical(request.Category);
        var choices = await db.Preferences.AsNoTracking()
            .Where(p => p.UserId == request.UserId && p.Category == request.Category)
            .ToDictionaryAsync(p => p.Channel, p => p.Enabled, cancellationToken);
        bool Allows(string channel) => critical || choices.GetValueOrDefault(channel, true);

        var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == request.UserId, cancellationToken);
        var now = clock.GetUtcNow();
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(now),
            UserId = request.UserId,
            WorkspaceId = request.WorkspaceId,
            Category = request.Category,
            Title = request.Title.Trim(),
            Body = request.Body.Trim(),
            Link = request.Link,
            IdempotencyKey = request.IdempotencyKey,
            InInbox = Allows(NotificationChannels.InApp),
            CreatedAt = now,
        };
        db.Notifications.Add(notification);

        List<string> channels = notification.InInbox ? [NotificationChannels.InApp] : [];
        var sendAt = critical ? now : QuietHours.NextAllowed(settings, now);
        if (Allows(NotificationChannels.Email))
        {
            var digest = !critical && settings?.EmailDigest == true;
            db.Deliveries.Add(NewDelivery(notification, NotificationChannels.Email, digest ? Delivery.Digest : Delivery.Pending, sendAt, now));
            channels.Add(NotificationChannels.Email);
        }

        if (Allows(NotificationChannels.Push) && await db.PushSubscriptions.AnyAsync(s => s.UserId == request.UserId, cancellationToken))
        {
            db.Deliveries.Add(NewDelivery(notification, NotificationChannels.Push, Delivery.Pending, sendAt, now));
            channels.Add(NotificationChannels.Push);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another caller may have stored the same key between our check and our insert: theirs stands.
            db.ChangeTracker.Clear();
            return await ExistingAsync(request.IdempotencyKey, cancellationToken) ?? throw new InvalidOperationException("The notification could not be stored.");
        }

        if (notification.InInbox)
        {
            inbox.Changed(request.UserId);
        }

        return new NotificationReceipt(notification.Id, AlreadySent: false, channels);
    }

    private async Task<NotificationReceipt?> ExistingAsync(string key, CancellationToken cancellationToken)
    {
        var found = await db.Notifications.AsNoTracking()
            .Where(n => n.IdempotencyKey == key)
            .Select(n => new { n.Id, n.InInbox })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var channels = await db.Deliveries.AsNoTracking().Where(d => d.NotificationId == found.Id).Select(d => d.Channel).ToListAsync(cancellationToken);
        return new NotificationReceipt(found.Id, AlreadySent: true, [.. (found.InInbox ? [NotificationChannels.InApp] : Array.Empty<string>()), .. channels]);
    }

    private static Delivery NewDelivery(Notification notification, string channel, string status, DateTimeOffset sendAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        NotificationId = notification.Id,
        UserId = notification.UserId,
        Channel = channel,
        Status = status,
        NextAttemptAt = sendAt,
        CreatedAt = now,
    };
}
