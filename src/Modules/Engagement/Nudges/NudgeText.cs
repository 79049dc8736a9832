using System.Globalization;
using System.Text.RegularExpressions;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>Fills a nudge template from the store's figures and the values given when it was scheduled.</summary>
internal static partial class NudgeText
{
    /// <summary>The filled message, or null when a figure it needs is not known.</summary>
    public static string? Hydrate(string template, StoreFigures figures, IReadOnlyDictionary<string, string>? values = null)
    {
        string? Value(string name) => values?.GetValueOrDefault(name) ?? name switch
        {
            "name" => figures.Name ?? "there",
            "subscribers" => figures.Subscribers.ToString(CultureInfo.InvariantCulture),
            "blogs" => figures.PublishedBlogs.ToString(CultureInfo.InvariantCulture),
            "draft_count" => figures.DraftTitles.Count.ToString(CultureInfo.InvariantCulture),
            "draft_titles" => string.Join(", ", figures.DraftTitles.Take(3).Select(t => $"“{t}”")),
            "monthly_revenue" => figures.MonthlyRevenue,
            "visitors" => figures.Visitors?.ToString(CultureInfo.InvariantCulture),
            "blog_views" => figures.BlogViews?.ToString(CultureInfo.InvariantCulture),
            "percentile" => figures.Percentile?.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };

        var missing = false;
        var filled = Placeholder().Replace(template, match =>
        {
            var value = Value(match.Groups[1].Value);
            missing |= value is null;
            return value ?? string.Empty;
        });
        return missing ? null : filled;
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
