using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CreatorOS.Modules.Assistant.Photos;

/// <summary>What a profile photo must be before it is stored: small enough, a real JPEG/PNG/WebP, a sensible size.</summary>
internal static class PhotoRules
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The multipart envelope around a 5 MB file is a few hundred bytes; this leaves room for it.</summary>
    public const long MaxRequestBytes = MaxBytes + (64 * 1024);

    public const int MinSide = 100;
    public const int MaxSide = 8000;

    public static PhotoCheck Check(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            return PhotoCheck.Refused(StatusCodes.Status400BadRequest, "Empty photo", "The uploaded file is empty. Choose a photo and try again.");
        }

        if (data.Length > MaxBytes)
        {
            return TooLarge(data.Length);
        }

        if (ImageKinds.Detect(data) is not { } kind)
        {
            return PhotoCheck.Refused(StatusCodes.Status415UnsupportedMediaType, "Unsupported photo format", "Only JPEG, PNG and WebP photos can be uploaded.");
        }

        if (ImageKinds.Clean(kind, data) is not { } image)
        {
            return PhotoCheck.Refused(StatusCodes.Status400BadRequest, "Damaged photo", $"The file starts like a {kind.DisplayName()} image but is damaged or incomplete. Try another photo.");
        }

        if (image.Width < MinSide || image.Height < MinSide || image.Width > MaxSide || image.Height > MaxSide)
        {
            return PhotoCheck.Refused(
                StatusCodes.Status400BadRequest,
                "Photo size not allowed",
                string.Create(CultureInfo.InvariantCulture, $"The photo is {image.Width}×{image.Height} pixels; each side must be between {MinSide} and {MaxSide:N0} pixels."));
        }

        return new PhotoCheck(image, StatusCodes.Status200OK, null, null);
    }

    public static PhotoCheck TooLarge(long bytes) => PhotoCheck.Refused(
        StatusCodes.Status413PayloadTooLarge,
        "Photo too large",
        bytes > 0
            ? string.Create(CultureInfo.InvariantCulture, $"The photo is {bytes / 1024.0 / 1024.0:0.#} MB; the limit is 5 MB.")
            : "The photo is larger than the 5 MB limit.");
}

/// <summary>Either the cleaned image, or the HTTP status and the reason it was refused.</summary>
internal sealed record PhotoCheck(CleanedImage? Image, int Status, string? Title, string? Detail)
{
    public static PhotoCheck Refused(int status, string title, string detail) => new(null, status, title, detail);
}
