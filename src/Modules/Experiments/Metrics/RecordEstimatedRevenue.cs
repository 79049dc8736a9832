using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Experiments.Assignment;
using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>
/// There is no payments module yet, so month-1 revenue is estimated: each new subscriber counts
/// one month of the store's subscription price as the event is handled, moments after they joined
/// (0 while the store has no price). The fact is keyed by the subscriber's number, so a redelivered event counts once.
/// Amounts are in the store's own currency; the metric's name says it is an estimate.
/// </summary>
internal sealed class RecordEstimatedRevenue(IStorefront storefront, Assigner facts) : IIntegrationEventHandler<SubscriberJoined>
{
    public async Task HandleAsync(SubscriberJoined integrationEvent, CancellationToken cancellationToken)
    {
        var store = await storefront.FindAsync(integrationEvent.WorkspaceId, cancellationToken);
        if (store is null)
        {
            return;
        }

        var price = (double)(store.Price?.Amount ?? 0m);
        await facts.TrackOnceAsync(integrationEvent.WorkspaceId.ToString("D"), MetricEvents.Revenue, $"#{integrationEvent.SubscriberCount}", price, integrationEvent.OccurredAt, cancellationToken);
    }
}
