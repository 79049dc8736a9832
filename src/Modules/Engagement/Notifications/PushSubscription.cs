namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>A browser's Web Push subscription (endpoint + its P-256 key and auth secret, base64url).</summary>
internal sealed class PushSubscription
{
    public required Guid Id { get; init; }

    public required Guid UserId { get; init; }

    public required string Endpoint { get; init; }

    public required string P256dh { get; init; }

    public required string Auth { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
