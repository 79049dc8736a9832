using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Contracts.Accounts;

/// <summary>A business was created with its first owner. The Storefront opens a store for it.</summary>
public sealed record WorkspaceCreated(Guid EventId, DateTimeOffset OccurredAt, Guid WorkspaceId, Guid OwnerUserId, string BusinessName) : IIntegrationEvent;
