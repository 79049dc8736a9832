using CreatorOS.Modules.Storefront.Stores;

namespace CreatorOS.UnitTests.Storefront;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Strong with Sam", "strong-with-sam")]
    [InlineData("  Zoë's Café & Yoga!! ", "zoe-s-cafe-yoga")]
    [InlineData("--Hello___World--", "hello-world")]
    [InlineData("FIT 4 LIFE", "fit-4-life")]
    [InlineData("Jo", "jo-store")]
    [InlineData("", "store")]
    [InlineData("★★★", "store")]
    [InlineData("健身教练", "store")]
    public void Makes_a_lower_case_hyphenated_slug(string text, string slug)
    {
        var result = Slugs.From(text, "store");

        result.ShouldBe(slug);
        Slugs.IsValid(result).ShouldBeTrue();
    }

    [Fact]
    public void Keeps_long_names_within_sixty_characters_without_a_trailing_hyphen()
    {
        var slug = Slugs.From(new string('a', 59) + " bcd", "store");

        slug.Length.ShouldBeLessThanOrEqualTo(60);
        slug.ShouldNotEndWith("-");
        Slugs.IsValid(slug).ShouldBeTrue();
    }

    [Fact]
    public void Takes_the_next_free_number_when_the_slug_is_taken()
    {
        Slugs.Deduplicate("strong-with-sam", []).ShouldBe("strong-with-sam");
        Slugs.Deduplicate("strong-with-sam", ["strong-with-sam"]).ShouldBe("strong-with-sam-2");
        Slugs.Deduplicate("strong-with-sam", ["strong-with-sam", "strong-with-sam-2", "strong-with-sam-3"]).ShouldBe("strong-with-sam-4");
    }

    [Fact]
    public void A_deduplicated_long_slug_still_fits()
    {
        var slug = new string('a', 60);

        var next = Slugs.Deduplicate(slug, [slug]);

        next.Length.ShouldBe(60);
        next.ShouldEndWith("-2");
        Slugs.IsValid(next).ShouldBeTrue();
    }

    [Theory]
    [InlineData("ab", false)]
    [InlineData("abc", true)]
    [InlineData("Abc", false)]
    [InlineData("a--b", false)]
    [InlineData("-abc", false)]
    [InlineData("abc-", false)]
    [InlineData("a_bc", false)]
    [InlineData("my-store-2", true)]
    public void Knows_a_valid_slug(string slug, bool valid) => Slugs.IsValid(slug).ShouldBe(valid);
}
