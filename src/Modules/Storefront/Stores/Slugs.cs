using System.Globalization;
using System.Text;

namespace CreatorOS.Modules.Storefront.Stores;

/// <summary>URL names of stores and posts: lower-case a–z, 0–9 and single hyphens, 3–60 characters.</summary>
internal static class Slugs
{
    public const int MinLength = 3;
    public const int MaxLength = Store.SlugMaxLength;

    public static bool IsValid(string? slug)
    {
        if (slug is null || slug.Length is < MinLength or > MaxLength || slug[0] == '-' || slug[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < slug.Length; i++)
        {
            var c = slug[i];
            var allowed = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (c == '-' && slug[i - 1] != '-');
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Builds a slug from free text; accents are dropped ("Zoë" → "zoe"), anything else becomes a hyphen.</summary>
    public static string From(string? text, string fallback)
    {
        var builder = new StringBuilder(MaxLength);
        foreach (var c in (text ?? string.Empty).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(lower);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = Trim(builder.ToString(), MaxLength);
        if (slug.Length == 0)
        {
            return fallback;
        }

        return slug.Length < MinLength ? $"{slug}-{fallback}" : slug;
    }

    /// <summary>The slug itself when free, otherwise the first free of slug-2, slug-3, …</summary>
    public static string Deduplicate(string slug, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        if (!used.Contains(slug))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var candidate = Trim(slug, MaxLength - suffix.Length) + suffix;
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static string Trim(string slug, int maxLength) =>
        (slug.Length > maxLength ? slug[..maxLength] : slug).Trim('-');
}
