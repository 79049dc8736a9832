using CreatorOS.Modules.Engagement.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>Records the coach's answer to a nudge (spec's responded_at) and carries out the snoozes.</summary>
internal sealed class NudgeResponses(EngagementDbContext db, NudgeScheduler scheduler, TimeProvider clock)
{
    public enum Outcome
    {
        Recorded,
        AlreadyAnswered,
        NotFound,
        UnknownAction,
    }

    public async Task<Outcome> RespondAsync(Guid workspaceId, Guid userId, Guid nudgeId, string action, CancellationToken cancellationToken)
    {
        var nudge = await db.Nudges.SingleOrDefaultAsync(n => n.Id == nudgeId && n.WorkspaceId == workspaceId && n.UserId == userId && n.Status == Nudge.Sent, cancellationToken);
        if (nudge is null)
        {
            return Outcome.NotFound;
        }

        var buttons = NudgeButtons.Read(nudge.Buttons);
        if (!buttons.Any(b => b.Action == action))
        {
            return Outcome.UnknownAction;
        }

        if (nudge.RespondedAt is not null)
        {
            return Outcome.AlreadyAnswered;
        }

        var now = clock.GetUtcNow();
        nudge.RespondedAt = now;
        nudge.Response = action;
        var snooze = action switch
        {
            NudgeCatalogue.RemindTomorrow => TimeSpan.FromDays(1),
            NudgeCatalogue.SnoozeThreeDays => TimeSpan.FromDays(3),
            _ => (TimeSpan?)null,
        };
        var snoozeKey = $"snooze:{nudge.Id:N}";
        if (snooze is { } delay && NudgeCatalogue.ByType.TryGetValue(nudge.NudgeType, out var kind))
        {
            // The key names the answered nudge, so answering twice (two tabs) snoozes once. The answer
            // and the snoozed nudge are saved together: a failed save loses neither, it is simply not recorded.
            await scheduler.AddAsync(workspaceId, userId, kind, nudge.Template, now + delay, snoozeKey, nudge.Values, cancellationToken);
        }

        if (!await scheduler.SaveAsync(token => db.Nudges.AnyAsync(n => n.WorkspaceId == workspaceId && n.UserId == userId && n.IdempotencyKey == snoozeKey, token), cancellationToken))
        {
            return Outcome.AlreadyAnswered;
        }

        return Outcome.Recorded;
    }
}
