using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Storefront.Themes;

internal sealed record StoreTemplate(
    string Id,
    string Name,
    string Niche,
    string PrimaryColor,
    string SecondaryColor,
    string FontFamily,
    string HeroStyle,
    string BannerGradient)
{
    public StoreTemplateView ToView() => new(Id, Name, Niche, PrimaryColor, SecondaryColor, FontFamily, HeroStyle, BannerGradient);
}

/// <summary>
/// The twelve store templates (Avery spec, ticket 4.2). Fonts are system font stacks only:
/// the app works offline and never downloads web fonts.
/// </summary>
internal static class StoreTemplates
{
    public const string DefaultId = "creator_modern";

    private const string Sans = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif";
    private const string Industrial = "Bahnschrift, \"DIN Alternate\", \"Franklin Gothic Medium\", \"Nimbus Sans Narrow\", sans-serif-condensed, sans-serif";
    private const string Geometric = "Avenir, Montserrat, Corbel, \"URW Gothic\", source-sans-pro, sans-serif";
    private const string Humanist = "Seravek, \"Gill Sans Nova\", Ubuntu, Calibri, \"DejaVu Sans\", source-sans-pro, sans-serif";
    private const string Rounded = "ui-rounded, \"Hiragino Maru Gothic ProN\", Quicksand, Comfortaa, Manjari, \"Arial Rounded MT\", \"Arial Rounded MT Bold\", Calibri, source-sans-pro, sans-serif";
    private const string Transitional = "Charter, \"Bitstream Charter\", \"Sitka Text\", Cambria, serif";
    private const string OldStyle = "\"Iowan Old Style\", \"Palatino Linotype\", \"URW Palladio L\", P052, serif";

    public static readonly IReadOnlyList<StoreTemplate> All =
    [
        new("fitness_bold", "Fitness Bold", "fitness", "#E63946", "#1D3557", Industrial, "full-bleed", "linear-gradient(135deg, #E63946 0%, #F4A261 100%)"),
        new("fitness_minimal", "Fitness Minimal", "fitness", "#111827", "#10B981", Sans, "minimal", "linear-gradient(180deg, #F9FAFB 0%, #E5E7EB 100%)"),
        new("fitness_dark", "Fitness Dark", "fitness", "#F97316", "#0F172A", Industrial, "split", "linear-gradient(135deg, #0F172A 0%, #334155 100%)"),
        new("wellness_calm", "Wellness Calm", "wellness", "#6B9080", "#A4C3B2", Humanist, "centered", "linear-gradient(135deg, #CCE3DE 0%, #F6FFF8 100%)"),
        new("wellness_nature", "Wellness Nature", "wellness", "#386641", "#A7C957", Transitional, "split", "linear-gradient(135deg, #386641 0%, #A7C957 100%)"),
        new("wellness_warm", "Wellness Warm", "wellness", "#B5651D", "#F2CC8F", Rounded, "centered", "linear-gradient(135deg, #F2CC8F 0%, #E07A5F 100%)"),
        new("business_clean", "Business Clean", "business", "#1E40AF", "#64748B", Sans, "split", "linear-gradient(135deg, #EFF6FF 0%, #DBEAFE 100%)"),
        new("business_modern", "Business Modern", "business", "#0F766E", "#F59E0B", Geometric, "full-bleed", "linear-gradient(135deg, #0F766E 0%, #14B8A6 100%)"),
        new("business_dark", "Business Dark", "business", "#38BDF8", "#111827", Sans, "minimal", "linear-gradient(135deg, #111827 0%, #1F2937 100%)"),
        new("creator_modern", "Creator Modern", "lifestyle", "#6C5CE7", "#00CEC9", Geometric, "centered", "linear-gradient(135deg, #6C5CE7 0%, #00CEC9 100%)"),
        new("creator_vibrant", "Creator Vibrant", "lifestyle", "#D63384", "#FFC107", Rounded, "full-bleed", "linear-gradient(135deg, #D63384 0%, #FD7E14 50%, #FFC107 100%)"),
        new("creator_minimal", "Creator Minimal", "lifestyle", "#262626", "#A3A3A3", OldStyle, "minimal", "linear-gradient(180deg, #FAFAFA 0%, #F5F5F5 100%)"),
    ];

    public static readonly IReadOnlyList<StoreTemplateView> Views = [.. All.Select(t => t.ToView())];

    private static readonly Dictionary<string, string> NicheDefaults = new(StringComparer.Ordinal)
    {
        ["fitness"] = "fitness_bold",
        ["wellness"] = "wellness_calm",
        ["business"] = "business_clean",
        ["lifestyle"] = "creator_modern",
    };

    public static StoreTemplate Default => Find(DefaultId)!;

    public static StoreTemplate? Find(string? id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    public static StoreTemplate DefaultFor(string niche) =>
        NicheDefaults.TryGetValue(niche, out var id) ? Find(id)! : Default;
}
