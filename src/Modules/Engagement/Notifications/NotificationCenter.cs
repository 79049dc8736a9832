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

        return (await SendManyAsync([request], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<NotificationReceipt>> SendManyAsync(IReadOnlyList<NotificationRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            if (NotificationRules.Problem(request) is { } problem)
            {
                throw new ArgumentException($"{problem} (key '{request.IdempotencyKey}')", nameof(requests));
            }
        }

        // Keys are per recipient: the same key for two users is two notifications.
        var receipts = await ExistingAsync([.. requests.Select(KeyOf).Distinct()], cancellationToken);
        var fresh = requests.Where(r => !receipts.ContainsKey(KeyOf(r))).DistinctBy(KeyOf).ToList();
        if (fresh.Count == 0)
        {
            return [.. requests.Select(r => receipts[KeyOf(r)])];
        }

        // Preferences, settings and push subscriptions of every recipient, read once for the batch.
        var users = fresh.Select(r => r.UserId).Distinct().ToList();
        var categories = fresh.Select(r => r.Category).Distinct().ToList();
        var choices = (await db.Preferences.AsNoTracking()
                .Where(p => users.Contains(p.UserId) && categories.Contains(p.Category))
                .Select(p => new { p.UserId, p.Category, p.Channel, p.Enabled })
                .ToListAsync(cancellationToken))
            .ToDictionary(p => (p.UserId, p.Category, p.Channel), p => p.Enabled);
        var settings = await db.Settings.AsNoTracking().Where(s => users.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, cancellationToken);
        var pushUsers = (await db.PushSubscriptions.AsNoTracking().Where(s => users.Contains(s.UserId)).Select(s => s.UserId).Distinct().ToListAsync(cancellationToken)).ToHashSet();

        var now = clock.GetUtcNow();
        var inboxes = new HashSet<Guid>();
        foreach (var request in fresh)
        {
            var critical = NotificationCategories.IsCritical(request.Category);
            bool Allows(string channel) => critical || choices.GetValueOrDefault((request.UserId, request.Category, channel), true);
            var userSettings = settings.GetValueOrDefault(request.UserId);
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
            var sendAt = critical ? now : QuietHours.NextAllowed(userSettings, now);
            if (Allows(NotificationChannels.Email))
            {
                var digest = !critical && userSettings?.EmailDigest == true;
                db.Deliveries.Add(NewDelivery(notification, NotificationChannels.Email, digest ? Delivery.Digest : Delivery.Pending, sendAt, now));
                channels.Add(NotificationChannels.Email);
            }

            if (Allows(NotificationChannels.Push) && pushUsers.Contains(request.UserId))
            {
                db.Deliveries.Add(NewDelivery(notification, NotificationChannels.Push, Delivery.Pending, sendAt, now));
                channels.Add(NotificationChannels.Push);
            }

            if (notification.InInbox)
            {
                inboxes.Add(request.UserId);
            }

            receipts[KeyOf(request)] = new NotificationReceipt(notification.Id, AlreadySent: false, channels);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (fresh.Count == 1)
        {
            // Another caller may have stored the same key between our check and our insert: theirs stands.
            db.ChangeTracker.Clear();
            var key = KeyOf(fresh[0]);
            receipts[key] = (await ExistingAsync([key], cancellationToken)).GetValueOrDefault(key) ?? throw new InvalidOperationException("The notification could not be stored.");
            return [.. requests.Select(r => receipts[KeyOf(r)])];
        }
        catch (DbUpdateException)
        {
            // Some key in the batch was stored concurrently; one at a time sorts out which.
            db.ChangeTracker.Clear();
            foreach (var request in fresh)
            {
                receipts[KeyOf(request)] = await SendAsync(request, cancellationToken);
            }

            return [.. requests.Select(r => receipts[KeyOf(r)])];
        }
        catch
        {
            // Not saved (connection lost…): a retry in the same scope must not insert these twice.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is Notification or Delivery).ToList())
            {
                entry.State = EntityState.Detached;
            }

            throw;
        }

        foreach (var user in inboxes)
        {
            inbox.Changed(user);
        }

        return [.. requests.Select(r => receipts[KeyOf(r)])];
    }

    private static (Guid UserId, string Key) KeyOf(NotificationRequest request) => (request.UserId, request.IdempotencyKey);

    private async Task<Dictionary<(Guid UserId, string Key), NotificationReceipt>> ExistingAsync(List<(Guid UserId, string Key)> keys, CancellationToken cancellationToken)
    {
        var users = keys.Select(k => k.UserId).Distinct().ToList();
        var names = keys.Select(k => k.Key).Distinct().ToList();
        var found = (await db.Notifications.AsNoTracking()
            .Where(n => users.Contains(n.UserId) && names.Contains(n.IdempotencyKey))
            .Select(n => new { n.Id, n.UserId, n.IdempotencyKey, n.InInbox })
            .ToListAsync(cancellationToken))
            .Where(n => keys.Contains((n.UserId, n.IdempotencyKey)))
            .ToList();
        if (found.Count == 0)
        {
            return [];
        }

        var ids = found.Select(f => f.Id).ToList();
        var channels = (await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.NotificationId)).Select(d => new { d.NotificationId, d.Channel }).ToListAsync(cancellationToken))
            .ToLookup(d => d.NotificationId, d => d.Channel);
        return found.ToDictionary(
            f => (f.UserId, f.IdempotencyKey),
            f => new NotificationReceipt(f.Id, AlreadySent: true, [.. (f.InInbox ? [NotificationChannels.InApp] : Array.Empty<string>()), .. channels[f.Id]]));
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
