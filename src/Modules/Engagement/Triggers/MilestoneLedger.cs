using CreatorOS.Modules.Engagement.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Triggers;

/// <summary>
/// The milestones each workspace has reached; recording one is what makes it fire once. A milestone
/// is only added to the unit of work here: the trigger saves it together with the nudges that
/// announce it (<see cref="Nudges.NudgeScheduler.SaveAsync"/>), so a milestone is never marked
/// reached without its message, and a failed save leaves both to the event's next attempt.
/// </summary>
internal sealed class MilestoneLedger(EngagementDbContext db, TimeProvider clock)
{
    /// <summary>Adds the milestone to the unit of work; false when it was reached before.</summary>
    public async Task<bool> AddAsync(Guid workspaceId, string key, CancellationToken cancellationToken)
    {
        if (await db.Milestones.AnyAsync(m => m.WorkspaceId == workspaceId && m.Key == key, cancellationToken)
            || db.Milestones.Local.Any(m => m.WorkspaceId == workspaceId && m.Key == key))
        {
            return false;
        }

        db.Milestones.Add(new CoachMilestone { WorkspaceId = workspaceId, Key = key, ReachedAt = clock.GetUtcNow() });
        return true;
    }

    /// <summary>The milestones of <paramref name="keys"/> not reached yet, in their order.</summary>
    public async Task<List<string>> UnreachedAsync(Guid workspaceId, List<string> keys, CancellationToken cancellationToken)
    {
        var reached = await db.Milestones.AsNoTracking().Where(m => m.WorkspaceId == workspaceId && keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(cancellationToken);
        return [.. keys.Where(k => !reached.Contains(k) && !db.Milestones.Local.Any(m => m.WorkspaceId == workspaceId && m.Key == k))];
    }

    /// <summary>Whether every one of these milestones is recorded (by us or by a concurrent handler).</summary>
    public async Task<bool> AllReachedAsync(Guid workspaceId, List<string> keys, CancellationToken cancellationToken) =>
        await db.Milestones.AsNoTracking().CountAsync(m => m.WorkspaceId == workspaceId && keys.Contains(m.Key), cancellationToken) == keys.Count;
}
