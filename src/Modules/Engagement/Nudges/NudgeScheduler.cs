using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>Puts nudges on the schedule. Each has a key unique per coach, so scheduling the same occasion twice adds nothing.</summary>
internal sealed class NudgeScheduler(EngagementDbContext db, TimeProvider clock)
{
    private const string FirstWeekKeyPrefix = "onboarding:";

    /// <summary>Spec 5.2: Day 2, 3, 5 and 7 after completion, each at 09:00 in the coach's time zone.</summary>
    public async Task<int> ScheduleFirstWeekAsync(Guid workspaceId, Guid userId, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        var zoneId = await db.Settings.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.TimeZone).SingleOrDefaultAsync(cancellationToken);
        var zone = QuietHours.FindZone(zoneId ?? "UTC");
        var completedLocal = TimeZoneInfo.ConvertTime(completedAt, zone);
        var added = 0;
        foreach (var (kind, day) in NudgeCatalogue.FirstWeek)
        {
            var local = completedLocal.Date.AddDays(day - 1).AddHours(NudgeCatalogue.MorningHour);
            var at = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            added += await ScheduleAsync(workspaceId, userId, kind, kind.Template, at, FirstWeekKeyPrefix + kind.Type, cancellationToken) ? 1 : 0;
        }

        return added;
    }

    /// <summary>
    /// Coaches who finished onboarding, as (workspace, user): their first-week nudges say who they are.
    /// Avery's follow-up triggers (churn risk, social posts) are for them only.
    /// </summary>
    public async Task<IReadOnlyList<(Guid WorkspaceId, Guid UserId)>> OnboardedCoachesAsync(CancellationToken cancellationToken)
    {
        var coaches = await db.Nudges.AsNoTracking()
            .Where(n => n.IdempotencyKey.StartsWith(FirstWeekKeyPrefix))
            .Select(n => new { n.WorkspaceId, n.UserId })
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. coaches.Select(c => (c.WorkspaceId, c.UserId))];
    }

    /// <summary>False when a nudge with this key was already scheduled for the coach.</summary>
    public async Task<bool> ScheduleAsync(Guid workspaceId, Guid userId, NudgeKind kind, string template, DateTimeOffset at, string key, CancellationToken cancellationToken)
    {
        if (await db.Nudges.AnyAsync(n => n.WorkspaceId == workspaceId && n.UserId == userId && n.IdempotencyKey == key, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        db.Nudges.Add(new Nudge
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            UserId = userId,
            NudgeType = kind.Type,
            ScheduledFor = at,
            IdempotencyKey = key,
            Template = template,
            Buttons = NudgeButtons.Write(kind.Buttons),
            Status = Nudge.Pending,
            CreatedAt = now,
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The same occasion was scheduled concurrently (two event deliveries): the unique key kept one.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
