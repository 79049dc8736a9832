using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Jobs;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>
/// Hourly: for every user whose local time is 08:xx and who has emails held for the digest, sends
/// them as one email. The held deliveries are claimed first, so two nodes never send the same digest.
/// </summary>
internal sealed class DigestJob(EngagementDbContext db, ResolvedDatabase database, EmailSender email, IUserDirectory users, TimeProvider clock, IOptions<NotificationOptions> options) : IRecurringJob
{
    public const int LocalHour = 8;

    public string Key => "engagement.email-digest";

    public string CronUtc => "0 0 * * * ?";

    public async Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        var waiting = await db.Deliveries.AsNoTracking().Where(d => d.Status == Delivery.Digest).Select(d => d.UserId).Distinct().ToListAsync(cancellationToken);
        foreach (var userId in waiting)
        {
            var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
            var local = TimeZoneInfo.ConvertTime(scheduledAt, QuietHours.FindZone(settings?.TimeZone ?? "UTC"));
            if (local.Hour == LocalHour)
            {
                await SendDigestAsync(userId, cancellationToken);
            }
        }
    }

    public async Task SendDigestAsync(Guid userId, CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(userId, cancellationToken);
        if (claimed.Count == 0)
        {
            return;
        }

        var ids = claimed.Select(d => d.NotificationId).ToList();
        var notifications = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);
        var contact = await users.FindAsync(userId, cancellationToken);
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var outcome = contact is null
            ? ChannelOutcome.Drop("The user no longer exists.")
            : await email.SendAsync(
                contact,
                "digest-" + claimed.Min(d => d.Id).ToString("N"),
                $"Your CreatorOS digest: {notifications.Count} update{(notifications.Count == 1 ? "" : "s")}",
                Preferences.AllCategories,
                [.. notifications.Select(n => new EmailTemplates.Item(n.Title, n.Body, n.Link is null ? null : baseUrl + n.Link))],
                "Here is what happened since your last digest:",
                cancellationToken);

        var now = clock.GetUtcNow();
        foreach (var delivery in claimed)
        {
            delivery.ClaimedUntil = null;
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

        await db.SaveChangesAsync(CancellationToken.None);
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
