using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Storefront.Blogs;
using CreatorOS.Modules.Storefront.Sessions;
using CreatorOS.Modules.Storefront.Stores;

namespace CreatorOS.UnitTests.Storefront;

public sealed class ValidationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_preferred_name_is_trimmed_and_otherwise_kept_as_given()
    {
        var errors = new FieldErrors();

        var valid = ProfileRules.Validate(new ProfileChange(PreferredName: "  dr. sAm o'neil-SMITH  "), errors);

        errors.Any.ShouldBeFalse();
        valid.PreferredName.ShouldBe("dr. sAm o'neil-SMITH");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_name_is_refused(string name)
    {
        var errors = new FieldErrors();
        ProfileRules.Validate(new ProfileChange(PreferredName: name), errors);

        errors.All["preferredName"].ShouldBe("Enter the name your clients know you by.");
    }

    [Fact]
    public void Every_profile_rule_reports_its_field()
    {
        var errors = new FieldErrors();
        ProfileRules.Validate(
            new ProfileChange(
                PreferredName: new string('n', 101),
                Niche: "cooking",
                Specialty: new string('s', 201),
                Bio: new string('b', 1001),
                Tone: "sarcastic",
                PhotoUrl: "javascript:alert(1)"),
            errors);

        errors.All.Keys.ShouldBe(["preferredName", "niche", "specialty", "bio", "tone", "photoUrl"], ignoreOrder: true);
    }

    [Fact]
    public void Unset_fields_are_left_alone_and_empty_optional_fields_clear()
    {
        var errors = new FieldErrors();

        var valid = ProfileRules.Validate(new ProfileChange(Bio: "", Niche: "Fitness", Tone: "PROFESSIONAL"), errors);

        errors.Any.ShouldBeFalse();
        valid.PreferredName.ShouldBeNull();
        valid.Specialty.ShouldBeNull();
        valid.Bio.ShouldBe(string.Empty);
        valid.Niche.ShouldBe("fitness");
        valid.Tone.ShouldBe("professional");
    }

    [Theory]
    [InlineData("https://images.example.com/me.jpg", true)]
    [InlineData("http://example.com/me.png", true)]
    [InlineData("/img/demo-coach.svg", true)]
    [InlineData("//evil.example/me.jpg", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:image/png;base64,AAAA", false)]
    [InlineData("ftp://example.com/me.jpg", false)]
    [InlineData("me.jpg", false)]
    [InlineData("https://exa mple.com/me.jpg", false)]
    public void Picture_addresses_are_absolute_http_or_site_relative(string address, bool acceptable) =>
        WebAddress.IsAcceptable(address).ShouldBe(acceptable);

    [Fact]
    public void A_blog_draft_is_checked_field_by_field()
    {
        var errors = new FieldErrors();
        BlogRules.Validate(
            new BlogDraft(
                Title: " ",
                BodyMarkdown: new string('x', 50_001),
                Category: new string('c', 61),
                Tags: [.. Enumerable.Range(1, 11).Select(i => $"tag{i}")],
                CoverImageUrl: "javascript:alert(1)"),
            errors);

        errors.All.Keys.ShouldBe(["title", "bodyMarkdown", "category", "tags", "coverImageUrl"], ignoreOrder: true);
        errors.All["tags"].ShouldBe("A post can have at most 10 tags.");
    }

    [Fact]
    public void Tags_are_trimmed_and_deduplicated_and_must_be_short()
    {
        var errors = new FieldErrors();
        var tags = BlogRules.ValidateTags([" Strength ", "strength", "", "mobility"], errors);

        errors.Any.ShouldBeFalse();
        tags.ShouldBe(["Strength", "mobility"]);

        BlogRules.ValidateTags([new string('t', 41)], errors);
        errors.All["tags"].ShouldBe("Each tag can be at most 40 characters.");
    }

    [Fact]
    public void A_live_session_starts_in_the_future_within_a_year()
    {
        var errors = new FieldErrors();
        LiveSessionRules.Validate("Q&A", Now.AddMinutes(-1), Now, errors);
        errors.All["startsAt"].ShouldBe("The session must start in the future.");

        errors = new FieldErrors();
        LiveSessionRules.Validate("Q&A", Now.AddDays(366), Now, errors);
        errors.All["startsAt"].ShouldBe("The session must start within the next year.");

        errors = new FieldErrors();
        var valid = LiveSessionRules.Validate("  Q&A  ", new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.FromHours(2)), Now, errors);
        errors.Any.ShouldBeFalse();
        valid.Title.ShouldBe("Q&A");
        valid.StartsAt.Offset.ShouldBe(TimeSpan.Zero);
        valid.StartsAt.Hour.ShouldBe(18);
    }

    [Fact]
    public void A_live_session_needs_a_short_title()
    {
        var errors = new FieldErrors();
        LiveSessionRules.Validate(new string('t', 121), Now.AddDays(1), Now, errors);

        errors.All["title"].ShouldBe("The title can be at most 120 characters.");
    }
}
