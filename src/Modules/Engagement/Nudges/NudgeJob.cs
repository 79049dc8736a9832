using CreatorOS.Contracts.Jobs;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>Spec 5.2: the nudge processor, every 5 minutes.</summary>
internal sealed class NudgeJob(NudgeProcessor processor, TimeProvider clock) : IRecurringJob
{
    public string Key => "engagement.nudges";

    public string CronUtc => "0 0/5 * * * ?";

    /// <summary>
    /// Delivers what is due now rather than at <paramref name="scheduledAt"/>: a late fire (misfire,
    /// restart) should not hold back nudges that fell due in the meantime. Claims make a re-run harmless.
    /// </summary>
    public Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken) =>
        processor.ProcessDueAsync(clock.GetUtcNow(), cancellationToken);
}
