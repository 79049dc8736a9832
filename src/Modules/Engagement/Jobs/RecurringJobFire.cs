using CreatorOS.Contracts.Jobs;
using CreatorOS.Modules.Engagement.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CreatorOS.Modules.Engagement.Jobs;

/// <summary>
/// The one Quartz job type: runs the <see cref="IRecurringJob"/> whose key is the job's name, in a
/// fresh scope, and records the run (duration, outcome, error) for the dashboard. Quartz keeps one
/// fire per job at a time, across the cluster on PostgreSQL.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RecurringJobFire(IServiceScopeFactory scopes, TimeProvider clock, JobNode node, ILogger<RecurringJobFire> logger) : IJob
{
    public const string Group = "recurring";
    public const string ManualFlag = "manual";

    /// <summary>Far longer than any of our jobs takes (they work in batches and are idempotent, so the next fire goes on).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var key = context.JobDetail.Key.Name;
        var started = clock.GetUtcNow();
        var run = new JobRun
        {
            Id = Guid.CreateVersion7(started),
            JobKey = key,
            FireInstanceId = context.FireInstanceId,
            Node = node.Name,
            Manual = context.MergedJobDataMap.ContainsKey(ManualFlag),
            ScheduledAt = context.ScheduledFireTimeUtc ?? context.FireTimeUtc,
            StartedAt = started,
            Outcome = JobRun.Running,
        };
        await RecordAsync(run, isNew: true, cancellationToken);

        using var timeout = new CancellationTokenSource(Timeout, clock);
        using var runToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = scope.ServiceProvider.GetServices<IRecurringJob>().FirstOrDefault(j => j.Key == key)
                ?? throw new InvalidOperationException($"No recurring job with key '{key}' is registered on this node.");
            await job.RunAsync(run.ScheduledAt, runToken.Token);
            run.Outcome = JobRun.Succeeded;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Outcome = JobRun.Failed;
            run.Error = "Cancelled: the host was shutting down.";
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            logger.LogError("Recurring job {JobKey} ran longer than {Timeout} and was cancelled", key, Timeout);
            run.Outcome = JobRun.Failed;
            run.Error = $"Timed out: the run was cancelled after {Timeout.TotalMinutes:0} minutes.";
        }
        catch (Exception exception)
        {
            // The job is idempotent, so the next fire does the work this one could not; the error is kept for the dashboard.
            logger.LogError(exception, "Recurring job {JobKey} failed", key);
            run.Outcome = JobRun.Failed;
            run.Error = Truncate(exception.GetType().Name + ": " + exception.Message, 2000);
        }

        var finished = clock.GetUtcNow();
        run.FinishedAt = finished;
        run.DurationMs = (long)(finished - started).TotalMilliseconds;
        await RecordAsync(run, isNew: false, CancellationToken.None);
    }

    private async Task RecordAsync(JobRun run, bool isNew, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
        if (isNew)
        {
            db.JobRuns.Add(run);
        }
        else
        {
            db.JobRuns.Update(run);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
