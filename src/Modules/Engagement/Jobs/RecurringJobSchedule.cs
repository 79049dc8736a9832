using CreatorOS.Contracts.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CreatorOS.Modules.Engagement.Jobs;

/// <summary>
/// At start-up, stores every registered <see cref="IRecurringJob"/> in Quartz with a cron trigger
/// (UTC). Runs before the scheduler starts. A job whose cron does not parse is left out and
/// reported on the dashboard instead of stopping the host. On a cluster every node does this;
/// the triggers are only replaced when their cron changed, so a paused job stays paused.
/// </summary>
internal sealed class RecurringJobSchedule(IServiceScopeFactory scopes, ISchedulerFactory schedulers, ScheduleProblems problems, TimeProvider clock, ILogger<RecurringJobSchedule> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
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
