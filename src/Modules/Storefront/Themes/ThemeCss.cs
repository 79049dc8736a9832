using System.Globalization;
using System.Text.RegularExpressions;
using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Storefront.Themes;

/// <summary>
/// Turns a store theme into CSS custom properties for the page root's style attribute. Values
/// come from the fixed template table; they are still checked here so a tampered row cannot
/// inject other CSS.
/// </summary>
internal static partial class ThemeCss
{
    private static readonly StoreTemplate Fallback = StoreTemplates.Default;

    public static string Variables(StoreThemeView theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var primary = Color(theme.PrimaryColor, Fallback.PrimaryColor);
        var secondary = Color(theme.SecondaryColor, Fallback.SecondaryColor);
        var banner = SafeValue(theme.BannerGradient, Fallback.BannerGradient);
        return string.Join(
            "; ",
            $"--store-primary: {primary}",
            $"--store-secondary: {secondary}",
            $"--store-font: {SafeValue(theme.FontFamily, Fallback.FontFamily)}",
            $"--store-banner: {banner}",
            $"--store-on-primary: {ReadableOn([primary])}",
            $"--store-on-secondary: {ReadableOn([secondary])}",
            $"--store-on-banner: {ReadableOn([.. HexColor().Matches(banner).Select(m => m.Value)])}");
    }

    /// <summary>One of the four hero layouts, as a CSS class suffix.</summary>
    public static string HeroClass(string heroStyle) =>
        heroStyle is "split" or "centered" or "full-bleed" or "minimal" ? "store-hero--" + heroStyle : "store-hero--centered";

    /// <summary>Near-black or white, whichever reads better on the average of the given colours.</summary>
    public static string ReadableOn(IReadOnlyList<string> colors)
    {
        if (colors.Count == 0)
        {
            return "#FFFFFF";
        }

        var luminance = colors.Average(RelativeLuminance);

        // Contrast of white vs. near-black (#111111, luminance ≈ 0.0056) on this background.
        var withWhite = 1.05 / (luminance + 0.05);
        var withDark = (luminance + 0.05) / 0.0556;
        return withWhite >= withDark ? "#FFFFFF" : "#111111";
    }

    private static string Color(string value, string fallback) => HexColor().IsMatch(value) && value.Length == 7 ? value : fallback;

    private static string SafeValue(string value, string fallback) => SafeCssValue().IsMatch(value) ? value : fallback;

    private static double RelativeLuminance(string hex)
    {
        static double Channel(string hex, int start)
        {
            var c = int.Parse(hex.AsSpan(start, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(hex, 1)) + (0.7152 * Channel(hex, 3)) + (0.0722 * Channel(hex, 5));
    }

    [GeneratedRegex("#[0-9A-Fa-f]{6}", RegexOptions.CultureInvariant)]
    private static partial Regex HexColor();

    /// <summary>Font lists and gradients: letters, digits, spaces, quotes, commas, %, #, parentheses, dots, hyphens.</summary>
    [GeneratedRegex("""^[A-Za-z0-9 ,"'#%().\-]{1,200}$""", RegexOptions.CultureInvariant)]
    private static partial Regex SafeCssValue();
}
