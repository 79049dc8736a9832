using System.Text.RegularExpressions;
using CreatorOS.Modules.Storefront.Themes;

namespace CreatorOS.UnitTests.Storefront;

public sealed partial class StoreTemplatesTests
{
    [Fact]
    public void There_are_the_twelve_templates_of_the_spec()
    {
        StoreTemplates.All.Select(t => t.Id).ShouldBe(
        [
            "fitness_bold", "fitness_minimal", "fitness_dark",
            "wellness_calm", "wellness_nature", "wellness_warm",
            "business_clean", "business_modern", "business_dark",
            "creator_modern", "creator_vibrant", "creator_minimal",
        ], ignoreOrder: true);
        StoreTemplates.All.Select(t => t.Id).Distinct().Count().ShouldBe(12);
        StoreTemplates.All.Select(t => t.Name).Distinct().Count().ShouldBe(12);
    }

    [Fact]
    public void Every_template_is_complete_and_safe_to_put_in_css()
    {
        foreach (var template in StoreTemplates.All)
        {
            HexColor().IsMatch(template.PrimaryColor).ShouldBeTrue(template.Id);
            HexColor().IsMatch(template.SecondaryColor).ShouldBeTrue(template.Id);
            template.HeroStyle.ShouldBeOneOf("split", "centered", "full-bleed", "minimal");
            template.BannerGradient.ShouldStartWith("linear-gradient(");
            template.BannerGradient.Length.ShouldBeLessThanOrEqualTo(200);
            template.FontFamily.Length.ShouldBeLessThanOrEqualTo(200);
            template.FontFamily.ShouldNotContain("url(");
            template.FontFamily.ShouldEndWith("serif", Case.Sensitive, template.Id);
            template.Niche.ShouldBeOneOf("fitness", "wellness", "business", "lifestyle");

            var css = ThemeCss.Variables(new(template.Id, template.Name, template.PrimaryColor, template.SecondaryColor, template.FontFamily, template.HeroStyle, template.BannerGradient));
            css.ShouldContain($"--store-primary: {template.PrimaryColor}");
            css.ShouldContain($"--store-banner: {template.BannerGradient}");
        }
    }

    [Theory]
    [InlineData("fitness", "fitness_bold")]
    [InlineData("wellness", "wellness_calm")]
    [InlineData("business", "business_clean")]
    [InlineData("lifestyle", "creator_modern")]
    public void Each_niche_has_its_default(string niche, string templateId)
    {
        StoreTemplates.DefaultFor(niche).Id.ShouldBe(templateId);
        StoreTemplates.All.Count(t => t.Niche == niche).ShouldBe(3);
    }

    [Fact]
    public void A_new_store_looks_creator_modern() => StoreTemplates.Default.Id.ShouldBe("creator_modern");

    [Fact]
    public void A_tampered_theme_falls_back_instead_of_injecting_css()
    {
        var css = ThemeCss.Variables(new("x", "X", "red; background: url(https://evil)", "#000000", "x; } body { display: none", "split", "url(javascript:alert(1))"));

        css.ShouldNotContain("url(");
        css.ShouldNotContain("}");
        css.ShouldContain($"--store-primary: {StoreTemplates.Default.PrimaryColor}");
    }

    [Fact]
    public void Text_colour_is_chosen_for_contrast()
    {
        ThemeCss.ReadableOn(["#111827"]).ShouldBe("#FFFFFF");
        ThemeCss.ReadableOn(["#F9FAFB", "#E5E7EB"]).ShouldBe("#111111");
    }

    [GeneratedRegex("^#[0-9A-F]{6}$")]
    private static partial Regex HexColor();
}
