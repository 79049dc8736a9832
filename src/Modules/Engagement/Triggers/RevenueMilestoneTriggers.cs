using CreatorOS.Contracts.Storefront;
using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Modules.Engagement.Triggers;

/// <summary>Monthly revenue moves when someone subscribes or the price changes (the store reports both as a pricing change).</summary>
internal sealed class RevenueMilestoneTriggers(RevenueMilestones milestones) : IIntegrationEventHandler<SubscriberJoined>, IIntegrationEventHandler<StoreChanged>
{
    public Task HandleAsync(SubscriberJoined integrationEvent, CancellationToken cancellationToken) =>
        milestones.CheckAsync(integrationEvent.WorkspaceId, cancellationToken);

    public bool Wants(StoreChanged integrationEvent) => integrationEvent.Sections.Contains(StoreSection.Pricing);

    public Task HandleAsync(StoreChanged integrationEvent, CancellationToken cancellationToken) =>
        milestones.CheckAsync(integrationEvent.WorkspaceId, cancellationToken);
}
