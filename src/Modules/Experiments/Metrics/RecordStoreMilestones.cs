using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Experiments.Assignment;
using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>
/// Turns store changes into the facts the onboarding metrics count: each published blog (at its
/// publish time), the first share, each new subscriber, and one <c>active</c> per day. Facts carry a
/// reference, so a redelivered event records nothing twice.
/// </summary>
internal sealed class RecordStoreMilestones(IStorefront storefront, Assigner facts) : IIntegrationEventHandler<StoreChanged>
{
    public async Task HandleAsync(StoreChanged integrationEvent, CancellationToken cancellationToken)
    {
        var store = await storefront.FindAsync(integrationEvent.WorkspaceId, cancellationToken);
        if (store is null)
        {
            return;
        }

        var unit = integrationEvent.WorkspaceId.ToString("D");
        var at = integrationEvent.OccurredAt;
        foreach (var blog in store.Blogs.Where(b => b.PublishedAt is not null))
        {
            await facts.TrackOnceAsync(unit, MetricEvents.BlogPublished, blog.Id.ToString("N"), null, blog.PublishedAt!.Value, cancellationToken);
        }

        if (store.IsShared)
        {
            await facts.TrackOnceAsync(unit, MetricEvents.StoreShared, "first", null, at, cancellationToken);
        }

        for (var i = 1; i <= store.SubscriberCount; i++)
        {
            await facts.TrackOnceAsync(unit, MetricEvents.SubscriberJoined, $"#{i}", null, at, cancellationToken);
        }

        await facts.TrackOnceAsync(unit, MetricEvents.Active, at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, at, cancellationToken);
    }
}
