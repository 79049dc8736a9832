using System.Globalization;
using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Jobs;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Nudges;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Triggers;

/// <summary>
/// Spec 5.3's daily check at 09:00 UTC: coaches who finished onboarding and have not talked to
/// Avery for 3 days get "no_login_3_days", for 7 days "churn_risk" — unless one of the two was
/// sent or scheduled in the last 72 hours. The key carries the day, so a re-run adds nothing.
/// </summary>
internal sealed class ChurnRiskJob(EngagementDbContext db, IAveryInbox avery, NudgeScheduler scheduler) : IRecurringJob
{
    public static readonly TimeSpan Cooldown = TimeSpan.FromHours(72);

    public string Key => "engagement.churn-risk";

    public string CronUtc => "0 0 9 * * ?";

    public async Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        var coaches = await scheduler.OnboardedCoachesAsync(cancellationToken);
        var since = scheduledAt - Cooldown;
        string[] churnTypes = [NudgeCatalogue.NoLogin3Days.Type, NudgeCatalogue.ChurnRisk.Type];
        foreach (var coach in coaches)
        {
            var last = await avery.LastInteractionAsync(coach.WorkspaceId, coach.UserId, cancellationToken);
            if (last is null || scheduledAt - last < TimeSpan.FromDays(3))
            {
                continue;
            }

            var recent = await db.Nudges.AnyAsync(
                n => n.WorkspaceId == coach.WorkspaceId && n.UserId == coach.UserId && churnTypes.Contains(n.NudgeType) && n.ScheduledFor > since,
                cancellationToken);
            if (recent)
            {
                continue;
            }

            var kind = scheduledAt - last >= TimeSpan.FromDays(7) ? NudgeCatalogue.ChurnRisk : NudgeCatalogue.NoLogin3Days;
            await scheduler.ScheduleAsync(coach.WorkspaceId, coach.UserId, kind, kind.Template, scheduledAt, $"churn:{scheduledAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", cancellationToken);
        }
    }
}
