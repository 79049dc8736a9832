using CreatorOS.Modules.Engagement.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Triggers;

/// <summary>The milestones each workspace has reached; recording one is what makes it fire once.</summary>
internal sealed class MilestoneLedger(EngagementDbContext db, TimeProvider clock)
{
    /// <summary>Records the milestone; false when it was reached before (also by a concurrent handler).</summary>
    public async Task<bool> ReachAsync(Guid workspaceId, string key, CancellationToken cancellationToken)
    {
        if (await db.Milestones.AnyAsync(m => m.WorkspaceId == workspaceId && m.Key == key, cancellationToken))
        {
            return false;
        }

        db.Milestones.Add(new CoachMilestone { WorkspaceId = workspaceId, Key = key, ReachedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
