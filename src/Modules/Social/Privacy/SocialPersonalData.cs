using CreatorOS.Contracts.Privacy;
using CreatorOS.Modules.Social.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Social.Privacy;

/// <summary>
/// GDPR: exports which accounts are connected and which posts became blogs (never the tokens: they
/// are credentials, not personal data, and a copy would outlive a revocation); erasure deletes the
/// connections with their tokens, sign-ins in progress, imported-post records and queued events.
/// </summary>
internal sealed class SocialPersonalData(SocialDbContext db) : IPersonalDataOwner
{
    public string Module => SocialDbContext.Prefix;

    public async Task<object> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var workspaceIds = subject.OwnedWorkspaceIds.ToList();
        var connections = await db.Connections.AsNoTracking()
            .Where(c => workspaceIds.Contains(c.WorkspaceId) || c.UserId == subject.UserId)
            .OrderBy(c => c.Platform)
            .ToListAsync(cancellationToken);
        var imported = await db.ImportedPosts.AsNoTracking()
            .Where(p => workspaceIds.Contains(p.WorkspaceId))
            .OrderBy(p => p.ImportedAt)
            .ToListAsync(cancellationToken);

        return new
        {
            connections = connections.Select(c => new
            {
                c.WorkspaceId,
                c.Platform,
                c.AccountId,
                c.AccountName,
                status = c.NeedsReconnect ? "needs_reconnect" : "connected",
                tokens = "stored encrypted; not exported",
                c.AccessExpiresAt,
                c.ConnectedAt,
                c.LastSyncAt,
            }).ToList(),
            importedPosts = imported.Select(p => new { p.WorkspaceId, p.Platform, p.PostId, p.BlogId, p.ImportedAt }).ToList(),
        };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var workspaceIds = subject.OwnedWorkspaceIds.ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Connections.Where(c => workspaceIds.Contains(c.WorkspaceId) || c.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.OAuthStates.Where(s => workspaceIds.Contains(s.WorkspaceId) || s.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.ImportedPosts.Where(p => workspaceIds.Contains(p.WorkspaceId)).ExecuteDeleteAsync(cancellationToken);
        foreach (var idText in workspaceIds.Append(subject.UserId).Select(id => id.ToString("D")))
        {
            await db.Outbox.Where(m => m.Payload.Contains(idText)).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
