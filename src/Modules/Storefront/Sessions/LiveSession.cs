namespace CreatorOS.Modules.Storefront.Sessions;

internal sealed class LiveSession
{
    public required Guid Id { get; init; }

    public required Guid StoreId { get; init; }

    public required string Title { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
