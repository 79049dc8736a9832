using CreatorOS.Modules.Assistant.Photos;

namespace CreatorOS.UnitTests.Assistant.Photos;

public sealed class JpegImageTests
{
    [Theory]
    [InlineData(100, 100)]
    [InlineData(640, 480)]
    [InlineData(1200, 3000)]
    public void Reads_width_and_height_from_the_frame_header(int width, int height)
    {
        var image = JpegImage.Clean(TestImages.Jpeg(width, height)).ShouldNotBeNull();
        var (w, h) = (image.Width, image.Height);

        w.ShouldBe(width);
        h.ShouldBe(height);
    }

    [Fact]
    public void Removes_exif_gps_xmp_iptc_comments_and_trailers()
    {
        var original = TestImages.Jpeg();
        TestImages.Contains(original, "GPS").ShouldBeTrue();

        var cleaned = JpegImage.Clean(original)!.Content;

        TestImages.Contains(cleaned, "GPS").ShouldBeFalse();
        TestImages.Contains(cleaned, "Exif").ShouldBeFalse();
        TestImages.Contains(cleaned, "secret-xmp").ShouldBeFalse();
        TestImages.Contains(cleaned, "Photoshop").ShouldBeFalse();
        TestImages.Contains(cleaned, "secret comment").ShouldBeFalse();
        TestImages.Contains(cleaned, [0xFF, 0xE1]).ShouldBeFalse();
        TestImages.Contains(cleaned, [0xFF, 0xED]).ShouldBeFalse();
        TestImages.Contains(cleaned, [0xFF, 0xFE]).ShouldBeFalse();
    }

    [Fact]
    public void Keeps_jfif_the_icc_profile_and_the_image_data_byte_for_byte()
    {
        var cleaned = JpegImage.Clean(TestImages.Jpeg())!.Content;

        cleaned.ShouldBe(TestImages.Jpeg(withMetadata: false));
        TestImages.Contains(cleaned, "JFIF").ShouldBeTrue();
        TestImages.Contains(cleaned, "ICC_PROFILE").ShouldBeTrue();
        TestImages.Contains(cleaned, TestImages.ScanData).ShouldBeTrue();
        cleaned[..2].ShouldBe(new byte[] { 0xFF, 0xD8 });
        cleaned[^2..].ShouldBe(new byte[] { 0xFF, 0xD9 });
    }

    [Fact]
    public void Cleaning_twice_changes_nothing_more()
    {
        var once = JpegImage.Clean(TestImages.Jpeg())!.Content;

        JpegImage.Clean(once)!.Content.ShouldBe(once);
    }

    [Fact]
    public void A_truncated_segment_is_refused()
    {
        var jpeg = TestImages.Jpeg();

        JpegImage.Clean(jpeg.AsSpan(0, 40)).ShouldBeNull();
    }

    [Fact]
    public void A_file_without_a_frame_header_is_refused()
    {
        byte[] noFrame = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xD9];

        JpegImage.Clean(noFrame).ShouldBeNull();
    }

    [Fact]
    public void A_file_cut_off_inside_the_scan_still_gets_an_end_marker()
    {
        var jpeg = TestImages.Jpeg(withMetadata: false);
        var cut = jpeg[..^4];

        var cleaned = JpegImage.Clean(cut);

        cleaned.ShouldNotBeNull();
        cleaned.Content[^2..].ShouldBe(new byte[] { 0xFF, 0xD9 });
    }
}
