using System.Text;
using CreatorOS.Modules.Assistant.Photos;

namespace CreatorOS.UnitTests.Assistant.Photos;

public sealed class PhotoRulesTests
{
    public static TheoryData<string, byte[]> ValidPhotos => new()
    {
        { nameof(ImageKind.Jpeg), TestImages.Jpeg() },
        { nameof(ImageKind.Png), TestImages.Png() },
        { nameof(ImageKind.WebP), TestImages.WebP() },
    };

    [Theory]
    [MemberData(nameof(ValidPhotos))]
    public void Accepts_each_format_and_returns_it_without_metadata(string kind, byte[] photo)
    {
        var check = PhotoRules.Check(photo);

        check.Image.ShouldNotBeNull(kind);
        check.Image.Kind.ToString().ShouldBe(kind);
        (check.Image.Width, check.Image.Height).ShouldBe((100, 100));
        TestImages.Contains(check.Image.Content, "GPS").ShouldBeFalse();
    }

    [Theory]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("%PDF-1.7")]
    [InlineData("<html><body>hi</body></html>")]
    public void Refuses_other_formats_by_their_bytes_whatever_they_are_called(string content)
    {
        var check = PhotoRules.Check(Encoding.ASCII.GetBytes(content));

        check.Image.ShouldBeNull();
        check.Status.ShouldBe(415);
        check.Detail!.ShouldContain("JPEG, PNG and WebP");
    }

    [Fact]
    public void Refuses_more_than_five_megabytes_with_413()
    {
        var photo = new byte[(5 * 1024 * 1024) + 1];
        TestImages.Jpeg().CopyTo(photo, 0);

        var check = PhotoRules.Check(photo);

        check.Status.ShouldBe(413);
        check.Detail!.ShouldContain("5 MB");
    }

    [Theory]
    [InlineData(99, 100)]
    [InlineData(100, 99)]
    [InlineData(8001, 500)]
    [InlineData(500, 8001)]
    public void Refuses_photos_smaller_than_100_or_larger_than_8000_pixels(int width, int height)
    {
        var check = PhotoRules.Check(TestImages.Jpeg(width, height));

        check.Image.ShouldBeNull();
        check.Status.ShouldBe(400);
        check.Detail!.ShouldContain($"{width}×{height}");
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(8000, 8000)]
    [InlineData(100, 8000)]
    public void Accepts_the_size_limits_themselves(int width, int height) =>
        PhotoRules.Check(TestImages.Jpeg(width, height)).Image.ShouldNotBeNull();

    [Fact]
    public void A_damaged_file_gets_a_clear_400()
    {
        var check = PhotoRules.Check(TestImages.Png().AsSpan(0, 60));

        check.Status.ShouldBe(400);
        check.Detail!.ShouldContain("PNG");
        check.Detail!.ShouldContain("damaged");
    }

    [Fact]
    public void An_empty_file_gets_a_clear_400()
    {
        var check = PhotoRules.Check([]);

        check.Status.ShouldBe(400);
        check.Detail!.ShouldContain("empty");
    }
}
