using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Engagement;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>
/// Spec 5.2's processor: claims due nudges (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, one
/// writer on SQLite), fills them with the store's current figures and hands them to Avery: over the
/// live socket when the coach is connected, otherwise stored unread plus a push/inbox notification.
/// Every hand-off carries the nudge's key, so a nudge retried after a crash is never said twice.
/// </summary>
internal sealed class NudgeProcessor(
    EngagementDbContext db,
    ResolvedDatabase database,
    IAveryInbox avery,
    INotifications notifications,
    IStorefront storefront,
    IUserDirectory users,
    TimeProvider clock,
    ILogger<NudgeProcessor> logger)
{
    public const int BatchSize = 50;
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim SqliteClaims = new(1, 1);

    /// <summary>Delivers every nudge due by <paramref name="now"/>; returns how many were handled.</summary>
    public async Task<int> ProcessDueAsync(DateTimeOffset now, CancellationToken cancellationToken, int batchSize = BatchSize)
    {
        var handled = 0;
        while (true)
        {
            var batch = await ClaimAsync(now, batchSize, cancellationToken);
            var lookups = new BatchLookups();
            foreach (var nudge in batch)
            {
                await DeliverAsync(nudge, lookups, cancellationToken);
            }

            // Outcomes are written once per batch: a crash before this leaves the claims to expire,
            // and the retry finds every hand-off already done under its key.
            await db.SaveChangesAsync(CancellationToken.None);

            handled += batch.Count;
            if (batch.Count < batchSize)
            {
                return handled;
            }
        }
    }

    private async Task<List<Nudge>> ClaimAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + ClaimFor;
        db.ChangeTracker.Clear();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var ids = await db.Database.SqlQuery<Guid>($"""
                UPDATE engagement_nudges SET status = {Nudge.Sending}, claimed_until = {until}
                WHERE id IN (
                    SELECT id FROM engagement_nudges
                    WHERE (status = {Nudge.Pending} AND scheduled_for <= {now})
                       OR (status = {Nudge.Sending} AND claimed_until < {now})
                    ORDER BY scheduled_for
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """).ToListAsync(cancellationToken);
            return await db.Nudges.Where(n => ids.Contains(n.Id)).OrderBy(n => n.ScheduledFor).ToListAsync(cancellationToken);
        }

        await SqliteClaims.WaitAsync(cancellationToken);
        try
        {
            var due = await db.Nudges
                .Where(n => (n.Status == Nudge.Pending && n.ScheduledFor <= now) || (n.Status == Nudge.Sending && n.ClaimedUntil < now))
                .OrderBy(n => n.ScheduledFor)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            foreach (var nudge in due)
            {
                nudge.Status = Nudge.Sending;
                nudge.ClaimedUntil = until;
            }

            await db.SaveChangesAsync(cancellationToken);
            return due;
        }
        finally
        {
            SqliteClaims.Release();
        }
    }

    private async Task DeliverAsync(Nudge nudge, BatchLookups lookups, CancellationToken cancellationToken)
    {
        try
        {
            var content = await ComposeAsync(nudge, lookups, cancellationToken);
            if (content.Problem is not null)
            {
                Settle(nudge, Nudge.Cancelled, content.Problem);
            }
            else
            {
                var key = "nudge:" + nudge.Id.ToString("N");
                var buttons = NudgeButtons.ForDelivery(nudge.Id, nudge.Buttons);
                var delivery = await avery.DeliverAsync(nudge.WorkspaceId, nudge.UserId, key, content.Text!, buttons, cancellationToken);
                if (delivery != AveryDelivery.Live)
                {
                    // Offline (or a retry after a crash): unread in Avery, plus the inbox/push the coach allows.
                    await notifications.SendAsync(new NotificationRequest(nudge.UserId, nudge.WorkspaceId, NotificationCategories.Nudges, "Avery", content.Text!, "/avery", key), cancellationToken);
                }

                nudge.Content = content.Text;
                nudge.Channel = delivery == AveryDelivery.Live ? "live" : "stored";
                nudge.SentAt = clock.GetUtcNow();
                Settle(nudge, Nudge.Sent, null);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Nudge {NudgeId} could not be delivered", nudge.Id);
            nudge.Attempts++;
            var failed = nudge.Attempts >= Nudge.MaxAttempts;
            if (!failed)
            {
                nudge.ScheduledFor = clock.GetUtcNow() + RetryAfter;
            }

            Settle(nudge, failed ? Nudge.Failed : Nudge.Pending, exception.GetType().Name + ": " + Truncate(exception.Message, 1500));
        }
    }

    private async Task<(string? Text, string? Problem)> ComposeAsync(Nudge nudge, BatchLookups lookups, CancellationToken cancellationToken)
    {
        if (!NudgeCatalogue.ByType.TryGetValue(nudge.NudgeType, out var kind))
        {
            return (null, $"Unknown nudge type '{nudge.NudgeType}'.");
        }

        if (!lookups.Users.TryGetValue(nudge.UserId, out var exists))
        {
            lookups.Users[nudge.UserId] = exists = await users.FindAsync(nudge.UserId, cancellationToken) is not null;
        }

        if (!exists)
        {
            return (null, "The coach no longer exists.");
        }

        if (!lookups.Stores.TryGetValue(nudge.WorkspaceId, out var store))
        {
            lookups.Stores[nudge.WorkspaceId] = store = await storefront.FindAsync(nudge.WorkspaceId, cancellationToken);
        }

        if (store is null)
        {
            return (null, "The coach's store no longer exists.");
        }

        var figures = StoreFigures.From(store, percentile: null);
        if (kind.NeedsDrafts && figures.DraftTitles.Count == 0)
        {
            return (null, "No blog drafts to review.");
        }

        var text = NudgeText.Hydrate(nudge.Template, figures) ?? (kind.Fallback is { } fallback ? NudgeText.Hydrate(fallback, figures) : null);
        return text is null ? (null, "A figure the message needs is not available.") : (text, null);
    }

    /// <summary>What one batch looked up once: figures are read at send time, a batch takes seconds.</summary>
    private sealed class BatchLookups
    {
        public Dictionary<Guid, bool> Users { get; } = [];

        public Dictionary<Guid, StoreView?> Stores { get; } = [];
    }

    private static void Settle(Nudge nudge, string status, string? error)
    {
        nudge.Status = status;
        nudge.ClaimedUntil = null;
        nudge.LastError = error;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
