using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Storefront;
using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Modules.Storefront.Stores;

/// <summary>Every new business gets its store; opening is idempotent, so a redelivered event changes nothing.</summary>
internal sealed class OpenStoreWhenWorkspaceCreated(IStorefront storefront) : IIntegrationEventHandler<WorkspaceCreated>
{
    public Task HandleAsync(WorkspaceCreated integrationEvent, CancellationToken cancellationToken) =>
        storefront.OpenAsync(integrationEvent.WorkspaceId, integrationEvent.BusinessName, cancellationToken);
}
