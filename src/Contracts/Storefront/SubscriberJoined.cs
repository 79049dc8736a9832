using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Contracts.Storefront;

/// <summary>Someone subscribed to a coach's store; <paramref name="SubscriberCount"/> includes them. Drives Avery's milestone messages.</summary>
public sealed record SubscriberJoined(Guid EventId, DateTimeOffset OccurredAt, Guid WorkspaceId, Guid StoreId, string SubscriberName, int SubscriberCount) : IIntegrationEvent;
