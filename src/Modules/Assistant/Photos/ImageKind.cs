namespace CreatorOS.Modules.Assistant.Photos;

/// <summary>The photo formats a coach may upload. Anything else is refused by its first bytes, whatever it is called.</summary>
internal enum ImageKind
{
    Jpeg,
    Png,
    WebP,
}

internal static class ImageKinds
{
    public static string Extension(this ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => "jpg",
        ImageKind.Png => "png",
        _ => "webp",
    };

    public static string ContentType(this ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => "image/jpeg",
        ImageKind.Png => "image/png",
        _ => "image/webp",
    };

    public static string DisplayName(this ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => "JPEG",
        ImageKind.Png => "PNG",
        _ => "WebP",
    };

    /// <summary>The format by magic bytes, or null for anything that is not a JPEG, PNG or WebP.</summary>
    public static ImageKind? Detect(ReadOnlySpan<byte> data) =>
        JpegImage.IsJpeg(data) ? ImageKind.Jpeg
        : PngImage.IsPng(data) ? ImageKind.Png
        : WebPImage.IsWebP(data) ? ImageKind.WebP
        : null;

    /// <summary>Size read from the header and the bytes without metadata; null when the file is damaged.</summary>
    public static CleanedImage? Clean(ImageKind kind, ReadOnlySpan<byte> data) => kind switch
    {
        ImageKind.Jpeg => JpegImage.Clean(data),
        ImageKind.Png => PngImage.Clean(data),
        _ => WebPImage.Clean(data),
    };
}

/// <summary>An image that passed the structure checks, with its metadata (EXIF, GPS, XMP, IPTC, comments) removed.</summary>
internal sealed record CleanedImage(ImageKind Kind, int Width, int Height, byte[] Content);
