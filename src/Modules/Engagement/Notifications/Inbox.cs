using CreatorOS.Modules.Engagement.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>A user's in-app notifications: always scoped to the signed-in user's id.</summary>
internal sealed class Inbox(EngagementDbContext db, InboxSignal signal, TimeProvider clock)
{
    public const int PageSize = 50;

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.InInbox && n.ReadAt == null, cancellationToken);

    public Task<List<Notification>> LatestAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && n.InInbox)
            .OrderByDescending(n => n.CreatedAt)
            .Take(PageSize)
            .ToListAsync(cancellationToken);

    /// <summary>False when there is no such notification for this user (someone else's id is "not found").</summary>
    public async Task<bool> MarkReadAsync(Guid userId, Guid notificationId, CancellationToken cancellationToken)
    {
        if (!await db.Notifications.AnyAsync(n => n.Id == notificationId && n.UserId == userId && n.InInbox, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await db.Notifications
            .Where(n => n.Id == notificationId && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        signal.Changed(userId);
        return true;
    }

    public async Task MarkAllReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && n.InInbox && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        signal.Changed(userId);
    }
}
