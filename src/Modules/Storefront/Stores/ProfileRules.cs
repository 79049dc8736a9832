using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Storefront.Stores;

/// <summary>The coach's profile fields; null means "leave as is", an empty optional text clears it.</summary>
internal sealed record ValidProfileChange(string? PreferredName, string? Niche, string? Specialty, string? Bio, string? Tone, string? PhotoUrl);

internal static class ProfileRules
{
    public const int PreferredNameMaxLength = 100;
    public const int SpecialtyMaxLength = 200;
    public const int BioMaxLength = 1000;
    public const string DefaultTone = "casual";

    public static readonly IReadOnlyList<string> Niches = ["fitness", "wellness", "business", "lifestyle"];

    public static readonly IReadOnlyList<string> Tones = ["casual", "professional", "energetic", "calm"];

    public static ValidProfileChange Validate(ProfileChange change, FieldErrors errors)
    {
        var name = change.PreferredName is null
            ? null
            : errors.Required(
                "preferredName",
                change.PreferredName,
                PreferredNameMaxLength,
                "Enter the name your clients know you by.",
                $"The name can be at most {PreferredNameMaxLength} characters.");

        var niche = change.Niche?.Trim().ToLowerInvariant();
        if (niche is not null && !Niches.Contains(niche))
        {
            errors.Add("niche", "Choose a niche: fitness, wellness, business or lifestyle.");
        }

        var tone = change.Tone?.Trim().ToLowerInvariant();
        if (tone is not null && !Tones.Contains(tone))
        {
            errors.Add("tone", "Choose a tone: casual, professional, energetic or calm.");
        }

        var specialty = change.Specialty is null
            ? null
            : errors.Optional("specialty", change.Specialty, SpecialtyMaxLength, $"The specialty can be at most {SpecialtyMaxLength} characters.") ?? string.Empty;
        var bio = change.Bio is null
            ? null
            : errors.Optional("bio", change.Bio, BioMaxLength, $"The bio can be at most {BioMaxLength} characters.") ?? string.Empty;
        var photo = change.PhotoUrl is null
            ? null
            : errors.OptionalWebAddress("photoUrl", change.PhotoUrl, "The photo must be a full http(s) address or a path on this site starting with /.") ?? string.Empty;

        return new(name, niche, specialty, bio, tone, photo);
    }
}
