namespace CreatorOS.Modules.Storefront.Subscribers;

internal sealed class Subscriber
{
    public required Guid Id { get; init; }

    public required Guid StoreId { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset JoinedAt { get; init; }
}
