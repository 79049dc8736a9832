using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>
/// Puts nudges on the schedule. Each has a key unique per coach, so scheduling the same occasion twice adds nothing.
/// Several nudges (and a milestone's ledger row) are written as one unit: either all of them are
/// stored or none, and a failure that is not "already done" is thrown so the caller (an event
/// handler, a job) runs again instead of losing the message.
/// </summary>
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
        var keys = new List<string>();
        foreach (var (kind, day) in NudgeCatalogue.FirstWeek)
        {
            var local = completedLocal.Date.AddDays(day - 1).AddHours(NudgeCatalogue.MorningHour);
            var at = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            var key = FirstWeekKeyPrefix + kind.Type;
            keys.Add(key);
            added += await AddAsync(workspaceId, userId, kind, kind.Template, at, key, values: null, cancellationToken) ? 1 : 0;
        }

        return await SaveAsync(token => AllScheduledAsync(workspaceId, userId, keys, token), cancellationToken) ? added : 0;
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

    /// <summary>Schedules one nudge and saves it; false when a nudge with this key was already scheduled for the coach.</summary>
    public Task<bool> ScheduleAsync(Guid workspaceId, Guid userId, NudgeKind kind, string template, DateTimeOffset at, string key, CancellationToken cancellationToken) =>
        ScheduleAsync(workspaceId, userId, kind, template, at, key, values: null, cancellationToken);

    /// <summary>As above, with <paramref name="values"/> for the template's placeholders (see <see cref="NudgeValues"/>).</summary>
    public async Task<bool> ScheduleAsync(Guid workspaceId, Guid userId, NudgeKind kind, string template, DateTimeOffset at, string key, IReadOnlyDictionary<string, string>? values, CancellationToken cancellationToken) =>
        await AddAsync(workspaceId, userId, kind, template, at, key, NudgeValues.Write(values), cancellationToken)
        && await SaveAsync(token => AllScheduledAsync(workspaceId, userId, [key], token), cancellationToken);

    /// <summary>
    /// Adds the nudge to this unit of work without saving; false when it was already scheduled.
    /// <paramref name="values"/> fill the template's placeholders as given (JSON, see <see cref="NudgeValues"/>).
    /// </summary>
    public async Task<bool> AddAsync(Guid workspaceId, Guid userId, NudgeKind kind, string template, DateTimeOffset at, string key, string? values, CancellationToken cancellationToken)
    {
        if (await db.Nudges.AnyAsync(n => n.WorkspaceId == workspaceId && n.UserId == userId && n.IdempotencyKey == key, cancellationToken)
            || db.Nudges.Local.Any(n => n.WorkspaceId == workspaceId && n.UserId == userId && n.IdempotencyKey == key))
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
            Values = values,
            Buttons = NudgeButtons.Write(kind.Buttons),
            Status = Nudge.Pending,
            CreatedAt = now,
        });
        return true;
    }

    /// <summary>
    /// Saves everything added to this unit of work in one transaction. True when saved; false when a
    /// unique key clashed because a concurrent caller saved the same work (<paramref name="doneByAnother"/>
    /// says so after the fact). Any other failure (database busy, connection dropped) is thrown, with
    /// nothing written, so the event or job is handled again: a message is never lost to a swallowed error.
    /// </summary>
    public async Task<bool> SaveAsync(Func<CancellationToken, Task<bool>> doneByAnother, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await doneByAnother(cancellationToken))
            {
                return false;
            }

            throw;
        }
        catch
        {
            // Not saved: a retry in the same scope must start from nothing.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task<bool> AllScheduledAsync(Guid workspaceId, Guid userId, List<string> keys, CancellationToken cancellationToken) =>
        await db.Nudges.AsNoTracking().CountAsync(n => n.WorkspaceId == workspaceId && n.UserId == userId && keys.Contains(n.IdempotencyKey), cancellationToken) == keys.Count;
}
