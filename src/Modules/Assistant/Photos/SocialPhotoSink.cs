using CreatorOS.Contracts.Social;

namespace CreatorOS.Modules.Assistant.Photos;

/// <summary>
/// Stores a profile picture Social downloaded, through the same checks as an upload: format
/// sniffed from the bytes, metadata stripped, size limits. It is not resized (no image library
/// restores here); the browser crops uploads to 800×800, imported avatars keep the platform's size.
/// </summary>
internal sealed class SocialPhotoSink(PhotoStore store) : ISocialPhotoSink
{
    public async Task<SocialPhotoStored> StoreAsync(Guid workspaceId, ReadOnlyMemory<byte> image, CancellationToken cancellationToken)
    {
        var check = PhotoRules.Check(image.Span);
        if (check.Image is not { } clean)
        {
            return new SocialPhotoStored(null, check.Detail);
        }

        var stored = await store.SaveAsync(workspaceId, clean, cancellationToken);
        return new SocialPhotoStored(stored.Url, null);
    }
}
