using System.Text;

namespace CreatorOS.Modules.Assistant.Language;

/// <summary>The first step of understanding: trimmed, bounded text, and a folded copy to match phrases against.</summary>
internal static class TextNormalizer
{
    /// <summary>Spec 6.4: very long messages are read as their first 500 characters.</summary>
    public const int MaxLength = 500;

    /// <summary>Trims, collapses runs of whitespace and cuts at a word boundary at most <see cref="MaxLength"/> characters long.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= MaxLength)
        {
            return collapsed;
        }

        var cut = collapsed.LastIndexOf(' ', MaxLength);
        return (cut > MaxLength / 2 ? collapsed[..cut] : collapsed[..MaxLength]).TrimEnd();
    }

    /// <summary>Lower case, straight quotes, no emoji or odd symbols: what phrase tables are matched against.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(c switch
            {
                '’' or '‘' or '`' or '´' => '\'',
                '“' or '”' => '"',
                '–' or '—' => '-',
                _ when char.IsLetterOrDigit(c) || c is ' ' or '\'' or '"' or '-' or '?' or '!' or '.' or ',' or ':' or '/' or '£' or '$' or '€' or '&' or '@' or '+' => c,
                _ => ' ',
            });
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
