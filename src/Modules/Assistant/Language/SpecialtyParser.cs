using System.Text.RegularExpressions;

namespace CreatorOS.Modules.Assistant.Language;

/// <summary>Reads a specialty from an answer to "What's your specialty?": the activity named, else the answer without filler.</summary>
internal static partial class SpecialtyParser
{
    public const int MaxLength = 200;

    public static string? Parse(string? text, NicheMatch? match = null)
    {
        if (match?.Specialty is { } activity)
        {
            return activity;
        }

        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0 || normalized.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var specialty = Filler().Replace(normalized, string.Empty).Trim().TrimEnd('.', '!', ' ');
        if (specialty.Length == 0 || TextNormalizer.WordCount(specialty) > 12 || !specialty.Any(char.IsLetter))
        {
            return null;
        }

        return specialty.Length > MaxLength ? specialty[..MaxLength].TrimEnd() : specialty;
    }

    [GeneratedRegex(@"^(?:(?:well|so|um+|mostly|mainly|i'd say|i guess)[,\s]+)*(?:my (?:specialty|speciality|niche|focus) is|i specialise in|i specialize in|i focus on|i'm into|i am into|i do|i teach|i coach|i help with|it's|its|it is|mainly|mostly|definitely)?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();
}
