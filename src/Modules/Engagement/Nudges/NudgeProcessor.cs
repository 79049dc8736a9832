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
/// The coach's in-app mute for the nudge's category (tips or milestones) silences Avery too.
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

    /// <summary>Store and user look-ups are reused across batches of one run for this long: a backlog takes seconds, figures change slowly.</summary>
    public static readonly TimeSpan LookupsFresh = TimeSpan.FromSeconds(30);

    /// <summary>Delivers every nudge due by <paramref name="now"/>; returns how many were handled.</summary>
    public async Task<int> ProcessDueAsync(DateTimeOffset now, CancellationToken cancellationToken, int batchSize = BatchSize)
    {
        var handled = 0;
        var lookups = new BatchLookups(clock.GetUtcNow());
        while (true)
        {
            var batch = await ClaimAsync(now, batchSize, cancellationToken);
            if (clock.GetUtcNow() - lookups.Since > LookupsFresh)
            {
                lookups = new BatchLookups(clock.GetUtcNow());
            }

            await DeliverBatchAsync(batch, lookups, cancellationToken);

            // A failed hand-off may have cleared the change tracker; the outcomes are written regardless.
            foreach (var nudge in batch.Where(n => db.Entry(n).State == EntityState.Detached))
            {
                db.Nudges.Update(nudge);
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

    /// <summary>
    /// The whole batch in a few round trips: look-ups per coach and store, one Avery write, one
    /// notification write. If anything in it fails, the batch is delivered one nudge at a time,
    /// which isolates the failing nudge; hand-offs already done are found under their keys.
    /// </summary>
    private async Task DeliverBatchAsync(List<Nudge> batch, BatchLookups lookups, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await LoadInAppMutesAsync(batch, lookups, cancellationToken);
            var ready = new List<(Nudge Nudge, NudgeKind Kind, string Text)>();
            foreach (var nudge in batch)
            {
                var content = await ComposeAsync(nudge, lookups, cancellationToken);
                if (content.Problem is null)
                {
                    ready.Add((nudge, content.Kind!, content.Text!));
                }
                else
                {
                    Settle(nudge, Nudge.Cancelled, content.Problem);
                }
            }

            // A coach who muted this category in the app hears nothing from Avery about it, live or stored.
            var toAvery = ready.Where(r => !lookups.MutesInApp(r.Nudge.UserId, r.Kind.Category)).ToList();
            var deliveries = toAvery.Count == 0 ? [] : await avery.DeliverManyAsync(
                [.. toAvery.Select(r => new AveryLetter(r.Nudge.WorkspaceId, r.Nudge.UserId, Key(r.Nudge), r.Text, NudgeButtons.ForDelivery(r.Nudge.Id, r.Nudge.Buttons)))],
                cancellationToken);
            var live = toAvery.Where((_, i) => deliveries[i] == AveryDelivery.Live).Select(r => r.Nudge).ToHashSet();

            // Offline, muted in the app (or a retry after a crash): the inbox/email/push the coach allows.
            var notified = ready.Where(r => !live.Contains(r.Nudge)).ToList();
            var receipts = notified.Count == 0 ? [] : await notifications.SendManyAsync([.. notified.Select(r => Notice(r.Nudge, r.Kind, r.Text))], cancellationToken);

            var sentAt = clock.GetUtcNow();
            foreach (var (nudge, _, text) in ready.Where(r => live.Contains(r.Nudge)))
            {
                Sent(nudge, text, "live", sentAt);
            }

            for (var i = 0; i < notified.Count; i++)
            {
                SettleNotified(notified[i].Nudge, notified[i].Kind, notified[i].Text, receipts[i], lookups, sentAt);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation(exception, "A batch of {Count} nudges is delivered one at a time after a failure", batch.Count);
            foreach (var nudge in batch)
            {
                await DeliverAsync(nudge, lookups, cancellationToken);
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
            await LoadInAppMutesAsync([nudge], lookups, cancellationToken);
            var content = await ComposeAsync(nudge, lookups, cancellationToken);
            if (content.Problem is not null)
            {
                Settle(nudge, Nudge.Cancelled, content.Problem);
            }
            else
            {
                var (kind, text) = (content.Kind!, content.Text!);
                if (!lookups.MutesInApp(nudge.UserId, kind.Category)
                    && await avery.DeliverAsync(nudge.WorkspaceId, nudge.UserId, Key(nudge), text, NudgeButtons.ForDelivery(nudge.Id, nudge.Buttons), cancellationToken) == AveryDelivery.Live)
                {
                    Sent(nudge, text, "live", clock.GetUtcNow());
                }
                else
                {
                    var receipt = await notifications.SendAsync(Notice(nudge, kind, text), cancellationToken);
                    SettleNotified(nudge, kind, text, receipt, lookups, clock.GetUtcNow());
                }
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

    private async Task<(NudgeKind? Kind, string? Text, string? Problem)> ComposeAsync(Nudge nudge, BatchLookups lookups, CancellationToken cancellationToken)
    {
        if (!NudgeCatalogue.ByType.TryGetValue(nudge.NudgeType, out var kind))
        {
            return (null, null, $"Unknown nudge type '{nudge.NudgeType}'.");
        }

        if (!NudgeValues.TryRead(nudge.Values, out var values))
        {
            return (null, null, "The values the nudge was scheduled with could not be read.");
        }

        if (!lookups.Users.TryGetValue(nudge.UserId, out var exists))
        {
            lookups.Users[nudge.UserId] = exists = await users.FindAsync(nudge.UserId, cancellationToken) is not null;
        }

        if (!exists)
        {
            return (null, null, "The coach no longer exists.");
        }

        if (!lookups.Stores.TryGetValue(nudge.WorkspaceId, out var store))
        {
            lookups.Stores[nudge.WorkspaceId] = store = await storefront.FindAsync(nudge.WorkspaceId, cancellationToken);
        }

        if (store is null)
        {
            return (null, null, "The coach's store no longer exists.");
        }

        var figures = StoreFigures.From(store, percentile: null);
        if (kind.NeedsDrafts && figures.DraftTitles.Count == 0)
        {
            return (null, null, "No blog drafts to review.");
        }

        var text = NudgeText.Hydrate(nudge.Template, figures, values) ?? (kind.Fallback is { } fallback ? NudgeText.Hydrate(fallback, figures, values) : null);
        return text is null ? (null, null, "A figure the message needs is not available.") : (kind, text, null);
    }

    /// <summary>Which coaches of these nudges turned the in-app channel off for a category, read once per coach per run.</summary>
    private async Task LoadInAppMutesAsync(IReadOnlyCollection<Nudge> nudges, BatchLookups lookups, CancellationToken cancellationToken)
    {
        var unknown = nudges.Select(n => n.UserId).Where(u => !lookups.MutesRead.Contains(u)).Distinct().ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var muted = await db.Preferences.AsNoTracking()
            .Where(p => unknown.Contains(p.UserId) && p.Channel == NotificationChannels.InApp && !p.Enabled)
            .Select(p => new { p.UserId, p.Category })
            .ToListAsync(cancellationToken);
        lookups.MutedInApp.UnionWith(muted.Select(m => (m.UserId, m.Category)));
        lookups.MutesRead.UnionWith(unknown);
    }

    private static string Key(Nudge nudge) => InboxNudges.MessageKey(nudge.Id);

    private static NotificationRequest Notice(Nudge nudge, NudgeKind kind, string text) =>
        new(nudge.UserId, nudge.WorkspaceId, kind.Category, "Avery", text, "/avery", Key(nudge));

    /// <summary>
    /// A nudge that did not go out live: stored unread in Avery (unless muted in the app) and handed
    /// to the channels the coach allows. Muted everywhere, it was not said at all, and says why.
    /// </summary>
    private static void SettleNotified(Nudge nudge, NudgeKind kind, string text, NotificationReceipt receipt, BatchLookups lookups, DateTimeOffset sentAt)
    {
        if (!lookups.MutesInApp(nudge.UserId, kind.Category))
        {
            Sent(nudge, text, "stored", sentAt);
        }
        else if (receipt.Channels.Count > 0)
        {
            Sent(nudge, text, "notification", sentAt);
        }
        else
        {
            Settle(nudge, Nudge.Cancelled, $"Muted: the coach turned off every channel for {kind.Category}.");
        }
    }

    private static void Sent(Nudge nudge, string text, string channel, DateTimeOffset sentAt)
    {
        nudge.Content = text;
        nudge.Channel = channel;
        nudge.SentAt = sentAt;
        Settle(nudge, Nudge.Sent, null);
    }

    /// <summary>What a run looked up, reused for <see cref="LookupsFresh"/>: figures are read at send time, give or take seconds.</summary>
    private sealed class BatchLookups(DateTimeOffset since)
    {
        public DateTimeOffset Since { get; } = since;

        public Dictionary<Guid, bool> Users { get; } = [];

        public Dictionary<Guid, StoreView?> Stores { get; } = [];

        /// <summary>Coaches whose in-app choices have been read, and the (coach, category) pairs they muted in the app.</summary>
        public HashSet<Guid> MutesRead { get; } = [];

        public HashSet<(Guid UserId, string Category)> MutedInApp { get; } = [];

        public bool MutesInApp(Guid userId, string category) => !NotificationCategories.IsCritical(category) && MutedInApp.Contains((userId, category));
    }

    private static void Settle(Nudge nudge, string status, string? error)
    {
        nudge.Status = status;
        nudge.ClaimedUntil = null;
        nudge.LastError = error;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
