using System.Security.Cryptography;
using System.Text;
using CreatorOS.Contracts.Jobs;
using CreatorOS.Contracts.Social;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Social.Data;
using CreatorOS.Modules.Social.Drafts;
using CreatorOS.Modules.Social.Posts;
using CreatorOS.SharedKernel.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Social.Refresh;

/// <summary>
/// Spec Ticket 3.5, Monday 06:00 UTC: for each workspace with connections, pull the posts made since
/// <c>last_sync_at</c>, draft blogs from the top 2 not used before, queue an Avery message
/// (<see cref="SocialDraftsReady"/>) and move <c>last_sync_at</c> to the fire time.
/// Idempotent: a workspace whose connections are already synced to this fire is skipped, used posts
/// are never drafted again, and the event id is derived from workspace and fire.
/// </summary>
internal sealed partial class WeeklySocialRefresh(
    SocialDbContext db,
    PostFetcher fetcher,
    PostDrafter drafter,
    IStorefront storefront,
    TimeProvider clock,
    ILogger<WeeklySocialRefresh> log) : IRecurringJob
{
    public const int DraftsPerWeek = 2;

    public string Key => "social.weekly-refresh";

    public string CronUtc => "0 0 6 ? * MON";

    public async Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        var workspaceIds = await db.Connections.AsNoTracking()
            .Where(c => !c.NeedsReconnect)
            .Select(c => c.WorkspaceId)
            .Distinct()
            .ToListAsync(cancellationToken);

        foreach (var workspaceId in workspaceIds.Order())
        {
            try
            {
                await RefreshAsync(workspaceId, scheduledAt, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One coach's failure must not stop the others; the next fire picks them up again.
                LogWorkspaceFailed(log, exception.GetType().Name);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task RefreshAsync(Guid workspaceId, DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        var connections = await db.Connections
            .Where(c => c.WorkspaceId == workspaceId && !c.NeedsReconnect && (c.LastSyncAt == null || c.LastSyncAt < scheduledAt))
            .ToListAsync(cancellationToken);
        if (connections.Count == 0)
        {
            return;
        }

        var store = await storefront.FindAsync(workspaceId, cancellationToken);
        if (store is null)
        {
            return;
        }

        var used = await drafter.UsedPostKeysAsync(workspaceId, store, cancellationToken);
        var fresh = new List<IReadOnlyList<SocialPostView>>();
        var synced = new List<Connections.SocialConnection>();
        foreach (var connection in connections.OrderBy(c => c.Platform, StringComparer.Ordinal))
        {
            var fetched = await fetcher.FetchAsync(connection, cancellationToken);
            if (fetched.Failure is not null)
            {
                continue;
            }

            var since = connection.LastSyncAt;
            fresh.Add([.. fetched.Posts.Where(p => (since is null || p.PostedAt is null || p.PostedAt > since) && !used.Contains(PostDrafter.KeyOf(p)) && p.PostId.Length <= ImportedPost.PostIdMaxLength)]);
            synced.Add(connection);
        }

        var picks = PostFetcher.Interleave(fresh).Take(DraftsPerWeek).ToList();
        var drafts = picks.Count == 0 ? [] : await drafter.DraftAsync(workspaceId, store, picks, cancellationToken);

        foreach (var connection in synced)
        {
            connection.LastSyncAt = scheduledAt;
            connection.UpdatedAt = clock.GetUtcNow();
        }

        var eventId = EventIdOf(workspaceId, scheduledAt);
        if (drafts.Count > 0 && !await db.Outbox.AnyAsync(m => m.Id == eventId, cancellationToken))
        {
            db.AddIntegrationEvent(new SocialDraftsReady(eventId, clock.GetUtcNow(), workspaceId, connections[0].UserId, [.. drafts.Select(d => new SocialDraftSummary(d.Id, d.Title, d.SourcePlatform ?? string.Empty))]));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The same workspace and fire always give the same id, so a re-run cannot queue a second message.</summary>
    internal static Guid EventIdOf(Guid workspaceId, DateTimeOffset scheduledAt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"social.weekly-refresh:{workspaceId:N}:{scheduledAt.UtcTicks}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Weekly social refresh failed for one workspace ({Error}); it is retried next fire")]
    private static partial void LogWorkspaceFailed(ILogger logger, string error);
}
