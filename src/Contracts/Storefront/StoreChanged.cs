using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Contracts.Storefront;

/// <summary>Sections of a store page a change touched; the live preview highlights them.</summary>
public enum StoreSection
{
    Hero,
    Pricing,
    Blogs,
    Theme,
    Sessions,
    Sharing,
}

/// <summary>Raised on every store change; drives the assistant's live preview.</summary>
public sealed record StoreChanged(Guid EventId, DateTimeOffset OccurredAt, Guid WorkspaceId, Guid StoreId, IReadOnlyList<StoreSection> Sections) : IIntegrationEvent;
