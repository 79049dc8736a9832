using CreatorOS.Contracts.Jobs;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>Every 15 seconds: sends due emails and pushes, including retries whose backoff is over.</summary>
internal sealed class DeliveryJob(DeliveryDispatcher dispatcher) : IRecurringJob
{
    public string Key => "engagement.notification-deliveries";

    public string CronUtc => "0/15 * * * * ?";

    public Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken) => dispatcher.DispatchDueAsync(cancellationToken);
}
