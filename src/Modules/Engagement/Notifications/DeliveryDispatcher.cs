using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Engagement;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>
/// Sends due email and push deliveries. Each is claimed first (<c>FOR UPDATE SKIP LOCKED</c> on
/// PostgreSQL, one writer on SQLite), so two nodes never send the same one; a claim left by a node
/// that died expires and is taken again. Failures retry with doubling backoff, then stay as failed
/// with their last error: nothing is lost silently.
/// </summary>
internal sealed class DeliveryDispatcher(
    EngagementDbContext db,
    ResolvedDatabase database,
    EmailSender email,
    PushSender push,
    IUserDirectory users,
    TimeProvider clock,
    IOptions<NotificationOptions> options)
{
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim SqliteClaims = new(1, 1);

    /// <summary>Sends what is due, batch after batch; returns how many deliveries were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken, int batchSize = 50)
    {
        var attempted = 0;
        while (true)
        {
            var claimed = await ClaimAsync(batchSize, cancellationToken);
            foreach (var delivery in claimed)
            {
                await AttemptAsync(delivery, cancellationToken);
            }

            attempted += claimed.Count;
            if (claimed.Count < batchSize)
            {
                return attempted;
            }
        }
    }

    private async Task<List<Delivery>> ClaimAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + ClaimFor;
        db.ChangeTracker.Clear();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var ids = await db.Database.SqlQuery<Guid>($"""
                UPDATE engagement_deliveries SET status = {Delivery.Sending}, claimed_until = {until}
                WHERE id IN (
                    SELECT id FROM engagement_deliveries
                    WHERE (status = {Delivery.Pending} AND next_attempt_at <= {now})
                       OR (status = {Delivery.Sending} AND claimed_until < {now})
                    ORDER BY next_attempt_at
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """).ToListAsync(cancellationToken);
            return await db.Deliveries.Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
        }

        await SqliteClaims.WaitAsync(cancellationToken);
        try
        {
            var due = await db.Deliveries
                .Where(d => (d.Status == Delivery.Pending && d.NextAttemptAt <= now) || (d.Status == Delivery.Sending && d.ClaimedUntil < now))
                .OrderBy(d => d.NextAttemptAt)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            foreach (var delivery in due)
            {
                delivery.Status = Delivery.Sending;
                delivery.ClaimedUntil = until;
            }

            await db.SaveChangesAsync(cancellationToken);
            return due;
        }
        finally
        {
            SqliteClaims.Release();
        }
    }

    private async Task AttemptAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == delivery.NotificationId, cancellationToken);

        // Quiet hours are checked at every attempt, not only when queued: a retry whose backoff ends
        // at night (or hours set after queueing) waits for the morning like a first attempt.
        var critical = NotificationCategories.IsCritical(notification.Category);
        var settings = critical ? null : await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == delivery.UserId, cancellationToken);
        if (!critical && QuietHours.NextAllowed(settings, clock.GetUtcNow()) is var allowed && allowed > clock.GetUtcNow())
        {
            delivery.Status = Delivery.Pending;
            delivery.ClaimedUntil = null;
            delivery.NextAttemptAt = allowed;
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        var outcome = await SendAsync(delivery, notification, cancellationToken);
        var now = clock.GetUtcNow();
        delivery.ClaimedUntil = null;
        switch (outcome.Kind)
        {
            case ChannelOutcomeKind.Sent:
                delivery.Status = Delivery.Sent;
                delivery.SentAt = now;
                delivery.LastError = null;
                break;
            case ChannelOutcomeKind.Drop:
                delivery.Status = Delivery.Dropped;
                delivery.LastError = outcome.Detail;
                break;
            default:
                delivery.Attempts++;
                delivery.LastError = Truncate(outcome.Detail ?? "failed", 2000);
                if (delivery.Attempts >= Delivery.MaxAttempts)
                {
                    delivery.Status = Delivery.Failed;
                }
                else
                {
                    delivery.Status = Delivery.Pending;
                    var retryAt = now + options.Value.RetryBackoff * Math.Pow(2, delivery.Attempts - 1);
                    delivery.NextAttemptAt = critical ? retryAt : QuietHours.NextAllowed(settings, retryAt);
                }

                break;
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<ChannelOutcome> SendAsync(Delivery delivery, Notification notification, CancellationToken cancellationToken)
    {
        // Preferences are read again at send time: a mute set after queueing still holds.
        if (!NotificationCategories.IsCritical(notification.Category)
            && await db.Preferences.AnyAsync(p => p.UserId == delivery.UserId && p.Category == notification.Category && p.Channel == delivery.Channel && !p.Enabled, cancellationToken))
        {
            return ChannelOutcome.Drop("Muted by the user before sending.");
        }

        var contact = await users.FindAsync(delivery.UserId, cancellationToken);
        if (contact is null)
        {
            return ChannelOutcome.Drop("The user no longer exists.");
        }

        var url = notification.Link is null ? null : options.Value.PublicBaseUrl.TrimEnd('/') + notification.Link;
        return delivery.Channel switch
        {
            NotificationChannels.Email => await email.SendAsync(
                contact, delivery.Id.ToString("N"), notification.Title, notification.Category,
                [new EmailTemplates.Item(notification.Title, notification.Body, url)], "Here is an update from CreatorOS:", cancellationToken),
            NotificationChannels.Push => await push.SendAsync(delivery.UserId, delivery.Id.ToString("N"), notification.Title, notification.Body, notification.Link, cancellationToken),
            _ => ChannelOutcome.Drop($"Unknown channel '{delivery.Channel}'."),
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
