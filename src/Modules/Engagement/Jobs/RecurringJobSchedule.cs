using System.Data.Common;
using CreatorOS.Contracts.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CreatorOS.Modules.Engagement.Jobs;

/// <summary>
/// At start-up, stores every registered <see cref="IRecurringJob"/> in Quartz with a cron trigger
/// (UTC). Runs before the scheduler starts. A job whose cron does not parse is left out and
/// reported on the dashboard instead of stopping the host. Before the scheduler starts, the runs this
/// node's previous life left at "running" are failed (<see cref="InterruptedRuns"/>). On a cluster every node does this;
/// the triggers are only replaced when their cron changed, so a paused job stays paused.
/// Then it starts the scheduler (unless <c>Jobs:AutoStart</c> is false). When the database is
/// down at start-up the app still starts (health answers 503) and this is retried in the
/// background with backoff until it works.
/// </summary>
internal sealed class RecurringJobSchedule(IServiceScopeFactory scopes, ISchedulerFactory schedulers, ScheduleProblems problems, InterruptedRuns interrupted, IConfiguration configuration, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<RecurringJobSchedule> logger) : IHostedService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryStartAsync(cancellationToken))
        {
            // Not awaited: the host goes on starting; the loop ends when the app stops.
            _ = RetryAsync(lifetime.ApplicationStopping);
        }
    }

    private async Task RetryAsync(CancellationToken stopping)
    {
        for (var delay = FirstRetry; !stopping.IsCancellationRequested; delay = delay * 2 > LongestRetry ? LongestRetry : delay * 2)
        {
            try
            {
                await Task.Delay(delay, clock, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await TryStartAsync(stopping))
            {
                return;
            }
        }
    }

    private async Task<bool> TryStartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ScheduleAllAsync(cancellationToken);
            // Before the scheduler starts, so every row with this node's name is from a life that is over.
            await interrupted.FailAtNodeStartAsync(cancellationToken);
            if (configuration.GetValue("Jobs:AutoStart", defaultValue: true))
            {
                var scheduler = await schedulers.GetScheduler(cancellationToken);
                await scheduler.Start(cancellationToken);
            }

            return true;
        }
        catch (Exception failure) when (failure is SchedulerException or DbException || failure.InnerException is DbException)
        {
            logger.LogWarning("Could not schedule the recurring jobs ({Failure}); the database may be down. Retrying in the background.", failure.GetType().Name);
            return false;
        }
    }

    private async Task ScheduleAllAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        foreach (var job in scope.ServiceProvider.GetServices<IRecurringJob>())
        {
            if (!CronExpression.TryParse(job.CronUtc, out _))
            {
                problems.Report(job.Key, $"Cron expression '{job.CronUtc}' is not valid; the job is not scheduled.");
                logger.LogError("Recurring job {JobKey} has an invalid cron expression and is not scheduled", job.Key);
                continue;
            }

            await EnsureScheduledAsync(scheduler, job, cancellationToken);
        }
    }

    private async Task EnsureScheduledAsync(IScheduler scheduler, IRecurringJob job, CancellationToken cancellationToken)
    {
        var jobKey = new JobKey(job.Key, RecurringJobFire.Group);
        var triggerKey = new TriggerKey(job.Key, RecurringJobFire.Group);
        var detail = JobBuilder.Create<RecurringJobFire>()
            .WithIdentity(jobKey)
            .StoreDurably()
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(jobKey)
            .WithCronSchedule(job.CronUtc, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .StartAt(clock.GetUtcNow())
            .Build();

        try
        {
            var existing = await scheduler.GetTrigger(triggerKey, cancellationToken);
            if (existing is ICronTrigger cron && cron.CronExpressionString == job.CronUtc)
            {
                return;
            }

            await scheduler.AddJob(detail, new AddJobOptions { Replace = true }, cancellationToken);
            if (existing is null)
            {
                await scheduler.ScheduleJob(trigger, default, cancellationToken);
            }
            else
            {
                await scheduler.RescheduleJob(triggerKey, trigger, cancellationToken);
            }
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another node stored the same trigger a moment ago; its schedule is the same.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
