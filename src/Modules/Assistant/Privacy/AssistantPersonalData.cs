using CreatorOS.Contracts.Privacy;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.Modules.Assistant.Photos;
using CreatorOS.SharedKernel.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Assistant.Privacy;

/// <summary>The assistant's share of a GDPR export and erasure: the conversation, its events, nudges and uploaded photos.</summary>
internal sealed class AssistantPersonalData(AssistantDbContext db, PhotoStore photos) : IPersonalDataOwner
{
    public string Module => "assistant";

    public async Task<object> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var owned = subject.OwnedWorkspaceIds;
        return new
        {
            conversations = await db.Conversations.AsNoTracking().Where(c => c.UserId == subject.UserId || owned.Contains(c.WorkspaceId)).ToListAsync(cancellationToken),
            messages = await db.Messages.AsNoTracking().Where(m => m.UserId == subject.UserId || owned.Contains(m.WorkspaceId)).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken),
            nudges = await db.Nudges.AsNoTracking().Where(n => n.UserId == subject.UserId || owned.Contains(n.WorkspaceId)).ToListAsync(cancellationToken),
            events = await db.Events.AsNoTracking().Where(e => e.UserId == subject.UserId || owned.Contains(e.WorkspaceId)).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken),
            photos = await PhotosAsync(owned, cancellationToken),
        };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var owned = subject.OwnedWorkspaceIds;
        await db.Messages.Where(m => m.UserId == subject.UserId || owned.Contains(m.WorkspaceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Events.Where(e => e.UserId == subject.UserId || owned.Contains(e.WorkspaceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Nudges.Where(n => n.UserId == subject.UserId || owned.Contains(n.WorkspaceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Conversations.Where(c => c.UserId == subject.UserId || owned.Contains(c.WorkspaceId)).ExecuteDeleteAsync(cancellationToken);
        // The roll-up keeps per-coach API cost keyed by workspace id: those rows go too.
        var ownedKeys = owned.Select(id => id.ToString("D")).ToList();
        await db.Rollups.Where(r => ownedKeys.Contains(r.Dimension)).ExecuteDeleteAsync(cancellationToken);
        await db.YearToDateRollups.Where(y => ownedKeys.Contains(y.Dimension)).ExecuteDeleteAsync(cancellationToken);
        await db.WorkspaceEventSpans.Where(s => owned.Contains(s.WorkspaceId)).ExecuteDeleteAsync(cancellationToken);
        await db.CoachDailySpend.Where(s => owned.Contains(s.WorkspaceId)).ExecuteDeleteAsync(cancellationToken);
        foreach (var id in owned.Append(subject.UserId))
        {
            await db.Set<OutboxMessage>().PurgeMentionsAsync(id, cancellationToken);
        }

        foreach (var workspaceId in owned)
        {
            await photos.DeleteAllAsync(workspaceId, cancellationToken);
        }
    }

    private async Task<List<StoredPhoto>> PhotosAsync(IReadOnlyList<Guid> workspaceIds, CancellationToken cancellationToken)
    {
        var all = new List<StoredPhoto>();
        foreach (var workspaceId in workspaceIds)
        {
            all.AddRange(await photos.ListAsync(workspaceId, cancellationToken));
        }

        return all;
    }
}
