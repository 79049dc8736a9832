using CreatorOS.Contracts.Jobs;
using CreatorOS.Modules.Engagement.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CreatorOS.Modules.Engagement.Jobs;

/// <summary>What the jobs dashboard shows and does: schedule, state, run history, trigger now, pause, resume.</summary>
internal sealed class JobsDashboard(ISchedulerFactory schedulers, IServiceScopeFactory scopes, ScheduleProblems problems, InterruptedRuns interrupted)
{
    public const int HistoryLength = 50;

    public async Task<IReadOnlyList<JobOverview>> ListAsync(CancellationToken cancellationToken)
    {
        await interrupted.FailStaleAsync(cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
        var rows = new List<JobOverview>();
        foreach (var job in RegisteredJobs(scope.ServiceProvider))
        {
            var triggerKey = new TriggerKey(job.Key, RecurringJobFire.Group);
            var trigger = await scheduler.GetTrigger(triggerKey, cancellationToken);
            var state = trigger is null ? TriggerState.None : await scheduler.GetTriggerState(triggerKey, cancellationToken);
            var lastRun = await db.JobRuns.AsNoTracking().Where(r => r.JobKey == job.Key).OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
            rows.Add(new JobOverview(job.Key, job.CronUtc, StateName(state, trigger is null), trigger?.NextFireTimeUtc, problems.All.GetValueOrDefault(job.Key), lastRun));
        }

        return [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<JobRun>> HistoryAsync(string? jobKey, CancellationToken cancellationToken)
    {
        await interrupted.FailStaleAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
        var runs = db.JobRuns.AsNoTracking();
        if (jobKey is not null)
        {
            runs = runs.Where(r => r.JobKey == jobKey);
        }

        return await runs.OrderByDescending(r => r.StartedAt).Take(HistoryLength).ToListAsync(cancellationToken);
    }

    /// <summary>Runs the job once now (outside its schedule). False when no such job is scheduled.</summary>
    public async Task<bool> TriggerNowAsync(string jobKey, CancellationToken cancellationToken)
    {
        if (!await IsScheduledAsync(jobKey, cancellationToken))
        {
            return false;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(new JobKey(jobKey, RecurringJobFire.Group), new JobDataMap { [RecurringJobFire.ManualFlag] = "true" }, cancellationToken);
        return true;
    }

    public async Task<bool> PauseAsync(string jobKey, CancellationToken cancellationToken)
    {
        if (!await IsScheduledAsync(jobKey, cancellationToken))
        {
            return false;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.PauseJob(new JobKey(jobKey, RecurringJobFire.Group), cancellationToken);
        return true;
    }

    public async Task<bool> ResumeAsync(string jobKey, CancellationToken cancellationToken)
    {
        if (!await IsScheduledAsync(jobKey, cancellationToken))
        {
            return false;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ResumeJob(new JobKey(jobKey, RecurringJobFire.Group), cancellationToken);
        return true;
    }

    private async Task<bool> IsScheduledAsync(string jobKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!RegisteredJobs(scope.ServiceProvider).Any(j => j.Key == jobKey))
        {
            return false;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.GetTrigger(new TriggerKey(jobKey, RecurringJobFire.Group), cancellationToken) is not null;
    }

    private static IEnumerable<IRecurringJob> RegisteredJobs(IServiceProvider services) => services.GetServices<IRecurringJob>();

    private static string StateName(TriggerState state, bool missing) => missing ? "not scheduled" : state switch
    {
        TriggerState.Normal => "scheduled",
        TriggerState.Paused => "paused",
        TriggerState.Blocked => "running",
        TriggerState.Error => "error",
        TriggerState.Complete => "complete",
        _ => state.ToString().ToLowerInvariant(),
    };
}

internal sealed record JobOverview(string Key, string CronUtc, string State, DateTimeOffset? NextFireAt, string? Problem, JobRun? LastRun);
