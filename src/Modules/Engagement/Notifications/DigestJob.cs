using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Engagement;
using CreatorOS.Contracts.Jobs;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>
/// Hourly: for every user whose local time is 08:xx and who has emails held for the digest, sends
/// them as one email. The held deliveries are claimed first, so two nodes never send the same digest.
/// Preferences are read again when the digest is made, because hours may have passed since the
/// items were held: a category muted since then is left out, and if the digest itself was turned
/// off the held items go back to the ordinary queue at the next run instead of waiting for 08:00.
/// </summary>
internal sealed class DigestJob(
    EngagementDbContext db,
    ResolvedDatabase database,
    EmailSender email,
    Preferences preferences,
    IUserDirectory users,
    TimeProvider clock,
    IOptions<NotificationOptions> options) : IRecurringJob
{
    public const int LocalHour = 8;

    /// <summary>The <see cref="Delivery.LastError"/> of a held email left out because its category was muted.</summary>
    public const string MutedWhileHeld = "Muted by the user while held for the digest.";

    public string Key => "engagement.email-digest";

    public string CronUtc => "0 0 * * * ?";

    public async Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        var waiting = await db.Deliveries.AsNoTracking().Where(d => d.Status == Delivery.Digest).Select(d => d.UserId).Distinct().ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return;
        }

        var settings = await db.Settings.AsNoTracking().Where(s => waiting.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, cancellationToken);
        foreach (var userId in waiting)
        {
            var userSettings = settings.GetValueOrDefault(userId);
            var local = TimeZoneInfo.ConvertTime(scheduledAt, QuietHours.FindZone(userSettings?.TimeZone ?? "UTC"));
            var digestHour = local.Hour == LocalHour;
            if (digestHour || userSettings?.EmailDigest != true)
            {
                await SettleAsync(userId, digestHour, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Decides every held email of the user against the preferences as they are now: muted ones
    /// are dropped with the reason, the rest are sent as one digest (at the digest hour) or, when
    /// the digest is off, handed to the ordinary dispatcher as single emails.
    /// </summary>
    private async Task SettleAsync(Guid userId, bool digestHour, CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(userId, cancellationToken);
        if (claimed.Count == 0)
        {
            return;
        }

        var choices = await preferences.LoadAsync(userId, cancellationToken);
        var ids = claimed.Select(d => d.NotificationId).ToList();
        var notifications = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var held = new List<(Delivery Delivery, Notification Notification)>();
        foreach (var delivery in claimed)
        {
            delivery.ClaimedUntil = null;
            if (!notifications.TryGetValue(delivery.NotificationId, out var notification))
            {
                Drop(delivery, "The notification no longer exists.");
            }
            else if (!choices.Channels.GetValueOrDefault((notification.Category, NotificationChannels.Email), true))
            {
                Drop(delivery, MutedWhileHeld);
            }
            else if (!choices.EmailDigest)
            {
                // Due now; the dispatcher still applies quiet hours and a mute set in the meantime.
                delivery.Status = Delivery.Pending;
                delivery.NextAttemptAt = now;
            }
            else if (!digestHour)
            {
                // The digest was turned back on between the job's read and this claim: wait for 08:00.
                delivery.Status = Delivery.Digest;
            }
            else
            {
                held.Add((delivery, notification));
            }
        }

        if (held.Count > 0)
        {
            await SendAsync(userId, held, now, cancellationToken);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task SendAsync(Guid userId, List<(Delivery Delivery, Notification Notification)> held, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = held.OrderBy(h => h.Notification.CreatedAt).Select(h => h.Notification).ToList();
        var contact = await users.FindAsync(userId, cancellationToken);
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var outcome = contact is null
            ? ChannelOutcome.Drop("The user no longer exists.")
            : await email.SendAsync(
                contact,
                "digest-" + held.Min(h => h.Delivery.Id).ToString("N"),
                $"Your CreatorOS digest: {items.Count} update{(items.Count == 1 ? "" : "s")}",
                Preferences.AllCategories,
                [.. items.Select(n => new EmailTemplates.Item(n.Title, n.Body, n.Link is null ? null : baseUrl + n.Link))],
                "Here is what happened since your last digest:",
                cancellationToken);

        foreach (var (delivery, _) in held)
        {
            delivery.Status = outcome.Kind switch
            {
                ChannelOutcomeKind.Sent => Delivery.Sent,
                ChannelOutcomeKind.Drop => Delivery.Dropped,
                _ => Delivery.Digest, // SMTP down: stays held for the next digest
            };
            delivery.SentAt = outcome.Kind == ChannelOutcomeKind.Sent ? now : null;
            delivery.LastError = outcome.Detail;
            if (outcome.Kind == ChannelOutcomeKind.Retry)
            {
                delivery.Attempts++;
            }
        }
    }

    private static void Drop(Delivery delivery, string reason)
    {
        delivery.Status = Delivery.Dropped;
        delivery.LastError = reason;
    }

    private async Task<List<Delivery>> ClaimAsync(Guid userId, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + DeliveryDispatcher.ClaimFor;
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var ids = await db.Database.SqlQuery<Guid>($"""
                UPDATE engagement_deliveries SET status = {Delivery.Sending}, claimed_until = {until}
                WHERE id IN (
                    SELECT id FROM engagement_deliveries
                    WHERE user_id = {userId} AND status = {Delivery.Digest}
                    FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """).ToListAsync(cancellationToken);
            return await db.Deliveries.Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
        }

        var held = await db.Deliveries.Where(d => d.UserId == userId && d.Status == Delivery.Digest).ToListAsync(cancellationToken);
        foreach (var delivery in held)
        {
            delivery.Status = Delivery.Sending;
            delivery.ClaimedUntil = until;
        }

        await db.SaveChangesAsync(cancellationToken);
        return held;
    }
}
