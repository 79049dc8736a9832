namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>The server's VAPID key pair, made on first start; the private key is stored encrypted (Data Protection).</summary>
internal sealed class VapidKeyRecord
{
    public const int SingletonId = 1;

    public required int Id { get; init; }

    public required string PublicKey { get; init; }

    public required string ProtectedPrivateKey { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
