namespace CreatorOS.Contracts.Jobs;

/// <summary>
/// Work a module wants run on a schedule (the weekly social refresh, the nudge processor, a daily check).
/// A module registers it as a scoped service (<c>services.AddScoped&lt;IRecurringJob, MyJob&gt;()</c>);
/// the Engagement module's scheduler finds every registration, schedules it on Quartz, runs each fire
/// in a fresh scope, keeps one run at a time across the cluster and shows the runs on the jobs dashboard.
/// Modules never reference Quartz themselves.
/// </summary>
/// <remarks>
/// A job must be idempotent: a misfire, a restart mid-run or "trigger now" on the dashboard can run
/// the same fire again, and running it twice must not deliver anything twice.
/// </remarks>
public interface IRecurringJob
{
    /// <summary>Stable key shown on the jobs dashboard, e.g. <c>social.weekly-refresh</c>.</summary>
    string Key { get; }

    /// <summary>Quartz cron expression evaluated in UTC, e.g. <c>0 0 6 ? * MON</c> for Monday 06:00.</summary>
    string CronUtc { get; }

    /// <summary>Runs one fire of the job.</summary>
    /// <param name="scheduledAt">When this fire was due (UTC); use it, not the wall clock, to decide what is due.</param>
    /// <param name="cancellationToken">Cancelled when the host shuts down.</param>
    Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken);
}
