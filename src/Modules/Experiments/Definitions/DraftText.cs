using System.Globalization;

namespace CreatorOS.Modules.Experiments.Definitions;

/// <summary>
/// The admin form's text fields: variants as lines of <c>key weight</c> (<c>control 30</c>), targeting as
/// lines of <c>attribute operator values</c> (<c>country in GB,IE</c>). A line that does not parse is an
/// error naming the line, never silently dropped.
/// </summary>
internal static class DraftText
{
    private static readonly char[] Separators = [' ', '\t', '=', ':', ','];

    public static (List<VariantWeight> Variants, string? Error) Variants(string? text)
    {
        var variants = new List<VariantWeight>();
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[1].TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var weight))
            {
                return ([], $"Variant line {i + 1} (“{lines[i]}”) is not “key weight”, e.g. “control 30”.");
            }

            variants.Add(new VariantWeight(parts[0], weight));
        }

        return (variants, null);
    }

    public static string Variants(IEnumerable<VariantWeight> variants) => string.Join('\n', variants.Select(v => $"{v.Key} {v.Weight}"));

    public static (List<TargetingRule> Rules, string? Error) Targeting(string? text)
    {
        var rules = new List<TargetingRule>();
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 2)
            {
                return ([], $"Targeting line {i + 1} (“{lines[i]}”) is not “attribute operator values”, e.g. “country in GB,IE”.");
            }

            var values = parts.Length == 3 ? parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            rules.Add(new TargetingRule(parts[0], parts[1], values));
        }

        return (rules, null);
    }

    public static string Targeting(IEnumerable<TargetingRule> rules) => string.Join('\n', rules.Select(r => $"{r.Attribute} {r.Operator} {string.Join(',', r.Values)}".TrimEnd()));

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
