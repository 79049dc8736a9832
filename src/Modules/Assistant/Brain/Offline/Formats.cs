using System.Globalization;

namespace CreatorOS.Modules.Assistant.Brain.Offline;

/// <summary>How amounts, dates, counts and lists read in Avery's messages.</summary>
internal static class Formats
{
    public static readonly IReadOnlyList<string> Niches = ["fitness", "wellness", "business", "lifestyle"];

    public static readonly IReadOnlyList<string> Tones = ["casual", "professional", "energetic", "calm"];

    /// <summary>Spec ticket 1.3: the labels of the niche buttons.</summary>
    public static readonly IReadOnlyDictionary<string, string> NicheButtonLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fitness"] = "Fitness & Training",
        ["wellness"] = "Wellness & Mindfulness",
        ["business"] = "Business & Executive",
        ["lifestyle"] = "Lifestyle & Creator",
    };

    /// <summary>Spec ticket 4.2: each niche's three looks (template ids are prefix_variant).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> TemplateFamilies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["fitness"] = ["fitness_bold", "fitness_minimal", "fitness_dark"],
        ["wellness"] = ["wellness_calm", "wellness_nature", "wellness_warm"],
        ["business"] = ["business_clean", "business_modern", "business_dark"],
        ["lifestyle"] = ["creator_modern", "creator_vibrant", "creator_minimal"],
    };

    public static string NicheFocus(string? niche) => niche switch
    {
        "fitness" => "fitness and training",
        "wellness" => "wellness and mindfulness",
        "business" => "business and leadership",
        "lifestyle" => "lifestyle and creativity",
        _ => "your coaching",
    };

    public static string Symbol(string? currency) => currency switch
    {
        "USD" => "$",
        "EUR" => "€",
        _ => "£",
    };

    public static string Money(decimal amount, string? currency) =>
        Symbol(currency) + amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Count(int count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");

    /// <summary>“A”, “B” and “C”.</summary>
    public static string Titles(IReadOnlyList<string> titles)
    {
        var quoted = titles.Select(t => "“" + t + "”").ToList();
        return quoted.Count <= 1 ? string.Concat(quoted) : string.Join(", ", quoted[..^1]) + " and " + quoted[^1];
    }

    /// <summary>"Friday 14 March at 18:00".</summary>
    public static string When(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("dddd d MMMM 'at' HH:mm", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A problem sentence that continues after a dash: "The price …" → "the price …".</summary>
    public static string Continuation(string? problem)
    {
        var text = string.IsNullOrWhiteSpace(problem) ? "something went wrong on my side." : problem.Trim();
        if (text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]))
        {
            text = char.ToLowerInvariant(text[0]) + text[1..];
        }

        return text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";
    }

    public static string PlatformName(string? platform) => platform switch
    {
        "instagram" => "Instagram",
        "tiktok" => "TikTok",
        "youtube" => "YouTube",
        "facebook" => "Facebook",
        "linkedin" => "LinkedIn",
        "x" => "X",
        null or "" => "your socials",
        _ => Capitalize(platform),
    };

    /// <summary>"fitness_dark" → "Dark".</summary>
    public static string VariantLabel(string templateIdOrVariant)
    {
        var variant = templateIdOrVariant[(templateIdOrVariant.IndexOf('_', StringComparison.Ordinal) + 1)..];
        return Capitalize(variant);
    }

    /// <summary>A price that reads well: 12.99 stays, 13.45 becomes 12.99, 10 becomes 9.99.</summary>
    public static decimal Charm(decimal amount)
    {
        var rounded = Math.Round(amount, MidpointRounding.AwayFromZero);
        return Math.Clamp(rounded - 0.01m, 0.99m, 999.99m);
    }
}
