using CreatorOS.Contracts.Privacy;
using CreatorOS.Modules.Engagement.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Privacy;

/// <summary>Engagement's share of a GDPR export and erasure: notifications and their deliveries, preferences, push subscriptions, nudges, milestones.</summary>
internal sealed class EngagementPersonalData(EngagementDbContext db) : IPersonalDataOwner
{
    public string Module => "engagement";

    public async Task<object> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var owned = subject.OwnedWorkspaceIds;
        return new
        {
            notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == subject.UserId).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken),
            deliveries = await db.Deliveries.AsNoTracking().Where(d => d.UserId == subject.UserId).ToListAsync(cancellationToken),
            preferences = await db.Preferences.AsNoTracking().Where(p => p.UserId == subject.UserId).ToListAsync(cancellationToken),
            settings = await db.Settings.AsNoTracking().Where(s => s.UserId == subject.UserId).ToListAsync(cancellationToken),
            pushSubscriptions = await db.PushSubscriptions.AsNoTracking().Where(p => p.UserId == subject.UserId).Select(p => new { p.Endpoint, p.CreatedAt }).ToListAsync(cancellationToken),
            nudges = await db.Nudges.AsNoTracking().Where(n => n.UserId == subject.UserId || owned.Contains(n.WorkspaceId)).ToListAsync(cancellationToken),
            milestones = await db.Milestones.AsNoTracking().Where(m => owned.Contains(m.WorkspaceId)).ToListAsync(cancellationToken),
        };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var owned = subject.OwnedWorkspaceIds;
        await db.Deliveries.Where(d => d.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => n.UserId == subject.UserId || (n.WorkspaceId != null && owned.Contains(n.WorkspaceId.Value))).ExecuteDeleteAsync(cancellationToken);
        await db.Preferences.Where(p => p.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Settings.Where(s => s.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.PushSubscriptions.Where(p => p.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Nudges.Where(n => n.UserId == subject.UserId || owned.Contains(n.WorkspaceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Milestones.Where(m => owned.Contains(m.WorkspaceId)).ExecuteDeleteAsync(cancellationToken);
    }
}
