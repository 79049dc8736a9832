using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Experiments;
using CreatorOS.Contracts.Social;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Experiments.Assignment;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Onboarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>
/// Records the onboarding completions that happened before migration 0095, once per database.
/// Until then completion_rate read Avery's <c>avery_onboarding_completed</c> events directly and no
/// variant's completion was kept as this module's fact; from then on <see cref="RecordOnboardingCompletion"/>
/// records each as it happens, so an upgraded install's older coaches counted as never completing.
/// </summary>
/// <remarks>
/// For each onboarding_v1 unit without a completion fact: Avery's own completion event, at its
/// time; otherwise the checklist the unit's variant shows, if it is done now. When that checklist was
/// finished is not known, so the store's last change is used: at or after the real moment, so a
/// backfilled completion never counts earlier than it happened (one that lands outside the metric's
/// window is not counted). Facts are recorded once per unit, so a run cut short and run again, or two
/// nodes running it together, record nothing twice.
/// </remarks>
internal sealed partial class CompletionBackfill(
    ExperimentsDbContext db,
    IAssistantInsights assistant,
    IStorefront storefront,
    ISocialConnections social,
    Assigner facts,
    TimeProvider clock,
    ILogger<CompletionBackfill> logger)
{
    public const string Name = "onboarding_completed_before_0095";

    private const int BatchSize = 500;

    /// <summary>Runs the backfill unless it has already run to the end; returns the completions recorded, or null if it had.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (await db.Backfills.AnyAsync(b => b.Name == Name, cancellationToken))
        {
            return null;
        }

        var pending = await (from a in db.Assignments.AsNoTracking()
                             join e in db.Experiments.AsNoTracking() on a.ExperimentId equals e.Id
                             where e.Key == OnboardingExperiment.Key
                                   && !db.Events.Any(f => f.EventName == MetricEvents.OnboardingCompleted && f.UnitId == a.UnitId)
                             select new { a.UnitId, a.Variant })
            .ToListAsync(cancellationToken);

        var recorded = 0;
        foreach (var batch in pending.Chunk(BatchSize))
        {
            var workspaces = batch
                .Select(u => (u.UnitId, u.Variant, Workspace: Guid.TryParse(u.UnitId, out var id) ? id : Guid.Empty))
                .Where(u => u.Workspace != Guid.Empty)
                .ToList();
            var averyFinished = (await assistant.EventsOfAsync(AssistantEventNames.OnboardingCompleted, [.. workspaces.Select(u => u.Workspace)], DateTimeOffset.UnixEpoch, cancellationToken))
                .GroupBy(e => e.WorkspaceId)
                .ToDictionary(g => g.Key, g => g.Min(e => e.At));

            foreach (var (unit, variant, workspace) in workspaces)
            {
                var at = averyFinished.TryGetValue(workspace, out var finished) ? finished : await ChecklistDoneAtAsync(workspace, variant, cancellationToken);
                if (at is { } when)
                {
                    await facts.TrackOnceAsync(unit, MetricEvents.OnboardingCompleted, RecordOnboardingCompletion.Reference, null, when, cancellationToken);
                    recorded++;
                }
            }
        }

        db.Backfills.Add(new DataBackfill { Name = Name, Units = recorded, CompletedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node finished it at the same moment; its facts and ours are the same facts.
            db.ChangeTracker.Clear();
        }

        LogBackfilled(logger, recorded, pending.Count);
        return recorded;
    }

    private async Task<DateTimeOffset?> ChecklistDoneAtAsync(Guid workspace, string variant, CancellationToken cancellationToken)
    {
        var store = await storefront.FindAsync(workspace, cancellationToken);
        if (store is null)
        {
            return null;
        }

        var socials = variant == OnboardingExperiment.Scorecard
            && (await social.ListAsync(workspace, cancellationToken)).Any(c => c.Status == "connected");
        return OnboardingChecklists.Completed(variant, store, socials) ? store.UpdatedAt : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfilled {Recorded} onboarding completions from before migration 0095 ({Checked} coaches without one checked).")]
    private static partial void LogBackfilled(ILogger logger, int recorded, int @checked);
}
