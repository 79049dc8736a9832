using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Experiments.Assignment;
using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>
/// Turns store changes into the facts the onboarding metrics count: each published blog (at its
/// publish time), the first share and each new subscriber. Not activity: a store also changes when a
/// subscriber joins or the weekly social refresh drafts blogs, without the coach. Facts carry a
/// reference, so a redelivered event records nothing twice; each event costs a read and a write,
/// however many blogs and subscribers the store has.
/// </summary>
internal sealed class RecordStoreMilestones(IStorefront storefront, Assigner facts) : IIntegrationEventHandler<StoreChanged>
{
    /// <summary>Blogs, the first share and subscribers (a join is reported as a pricing change) are all it records.</summary>
    public bool Wants(StoreChanged integrationEvent) =>
        integrationEvent.Sections.Any(s => s is StoreSection.Blogs or StoreSection.Sharing or StoreSection.Pricing);

    public async Task HandleAsync(StoreChanged integrationEvent, CancellationToken cancellationToken)
    {
        var store = await storefront.FindAsync(integrationEvent.WorkspaceId, cancellationToken);
        if (store is null)
        {
            return;
        }

        var unit = integrationEvent.WorkspaceId.ToString("D");
        var at = integrationEvent.OccurredAt;
        var candidates = store.Blogs
            .Where(b => b.PublishedAt is not null)
            .Select(b => new UnitFact(MetricEvents.BlogPublished, b.Id.ToString("N"), null, b.PublishedAt!.Value))
            .ToList();
        if (store.IsShared)
        {
            candidates.Add(new UnitFact(MetricEvents.StoreShared, "first", null, at));
        }

        // Subscribers are numbered in the order they were counted, so only the ones beyond the
        // facts already recorded are new: a store with a thousand subscribers costs one count.
        var counted = store.SubscriberCount > 0 ? await facts.CountAsync(unit, MetricEvents.SubscriberJoined, cancellationToken) : 0;
        for (var i = counted + 1; i <= store.SubscriberCount; i++)
        {
            candidates.Add(new UnitFact(MetricEvents.SubscriberJoined, $"#{i}", null, at));
        }

        await facts.TrackManyOnceAsync(unit, candidates, cancellationToken);
    }
}
