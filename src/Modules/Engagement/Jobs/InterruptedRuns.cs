using CreatorOS.Modules.Engagement.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Engagement.Jobs;

/// <summary>
/// Fails the run-history rows that a node which died mid-run left at "running", so the dashboard does
/// not show a job running that is not. A row is only taken for lost when no live node can still be
/// running it: it started longer ago than any run may take (<see cref="StaleAfter"/>), or, while this
/// node starts and before its scheduler runs anything, it carries this node's own name (its previous
/// life). Another node's row is never failed just because it is running now.
/// </summary>
internal sealed class InterruptedRuns(IServiceScopeFactory scopes, TimeProvider clock, JobNode node, ILogger<InterruptedRuns> logger)
{
    public const string Error = "Interrupted: the node stopped before the run finished.";

    /// <summary>
    /// <see cref="RecurringJobFire"/> cancels a run after <see cref="RecurringJobFire.Timeout"/>; the margin
    /// covers a job that is slow to notice and its last write. Should such a job still finish later, its
    /// own final write replaces this verdict.
    /// </summary>
    public static readonly TimeSpan StaleAfter = RecurringJobFire.Timeout + TimeSpan.FromMinutes(15);

    /// <summary>At node start-up, before the scheduler starts: stale rows and the rows of this node's previous life.</summary>
    public Task<int> FailAtNodeStartAsync(CancellationToken cancellationToken) => FailAsync(ownPreviousLife: true, cancellationToken);

    /// <summary>Before the run history is read: stale rows only, as this node may be running its own rows now.</summary>
    public Task<int> FailStaleAsync(CancellationToken cancellationToken) => FailAsync(ownPreviousLife: false, cancellationToken);

    private async Task<int> FailAsync(bool ownPreviousLife, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var startedBefore = now - StaleAfter;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
        var lost = await db.JobRuns.AsNoTracking()
            .Where(r => r.Outcome == JobRun.Running && (r.StartedAt < startedBefore || (ownPreviousLife && r.Node == node.Name)))
            .Select(r => new { r.Id, r.StartedAt })
            .ToListAsync(cancellationToken);

        var failed = 0;
        foreach (var run in lost)
        {
            // The end is unknown: the run ended at the latest now. Still "running" is checked again in the
            // update, so a run that finished (or that another node failed) meanwhile keeps its own outcome.
            var durationMs = Math.Max(0, (long)(now - run.StartedAt).TotalMilliseconds);
            failed += await db.JobRuns
                .Where(r => r.Id == run.Id && r.Outcome == JobRun.Running)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(r => r.Outcome, JobRun.Failed)
                        .SetProperty(r => r.Error, Error)
                        .SetProperty(r => r.FinishedAt, now)
                        .SetProperty(r => r.DurationMs, durationMs),
                    cancellationToken);
        }

        if (failed > 0)
        {
            logger.LogWarning("Marked {Count} interrupted job runs as failed", failed);
        }

        return failed;
    }
}
