namespace CreatorOS.Contracts.Social;

/// <summary>Outcome of storing an imported photo: its public URL, or why the bytes were refused.</summary>
public sealed record SocialPhotoStored(string? Url, string? Problem);

/// <summary>
/// Stores a downloaded profile picture as the coach's photo. The Assistant implements it with its
/// existing photo sanitisers and store, so imported and uploaded photos share one checked path.
/// </summary>
public interface ISocialPhotoSink
{
    Task<SocialPhotoStored> StoreAsync(Guid workspaceId, ReadOnlyMemory<byte> image, CancellationToken cancellationToken);
}
