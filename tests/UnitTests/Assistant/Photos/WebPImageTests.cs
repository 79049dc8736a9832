using System.Buffers.Binary;
using CreatorOS.Modules.Assistant.Photos;

namespace CreatorOS.UnitTests.Assistant.Photos;

public sealed class WebPImageTests
{
    [Fact]
    public void Reads_the_canvas_size_of_an_extended_webp()
    {
        var image = WebPImage.Clean(TestImages.WebP(320, 200)).ShouldNotBeNull();
        var (w, h) = (image.Width, image.Height);

        (w, h).ShouldBe((320, 200));
    }

    [Fact]
    public void Reads_the_size_of_a_lossy_webp()
    {
        var image = WebPImage.Clean(TestImages.LossyWebP(800, 600)).ShouldNotBeNull();
        var (w, h) = (image.Width, image.Height);

        (w, h).ShouldBe((800, 600));
    }

    [Fact]
    public void Reads_the_size_of_a_lossless_webp()
    {
        var image = WebPImage.Clean(TestImages.LosslessWebP(150, 4000)).ShouldNotBeNull();
        var (w, h) = (image.Width, image.Height);

        (w, h).ShouldBe((150, 4000));
    }

    [Fact]
    public void Removes_exif_and_xmp_chunks_clears_their_flags_and_fixes_the_riff_size()
    {
        var original = TestImages.WebP();
        TestImages.RiffChunkTypes(original).ShouldBe(["VP8X", "VP8L", "EXIF", "XMP "]);

        var cleaned = WebPImage.Clean(original)!.Content;

        TestImages.RiffChunkTypes(cleaned).ShouldBe(["VP8X", "VP8L"]);
        TestImages.Contains(cleaned, "GPS").ShouldBeFalse();
        TestImages.Contains(cleaned, "secret-xmp").ShouldBeFalse();
        BinaryPrimitives.ReadUInt32LittleEndian(cleaned.AsSpan(4)).ShouldBe((uint)(cleaned.Length - 8));
        var flags = cleaned[20];
        (flags & 0x08).ShouldBe(0);
        (flags & 0x04).ShouldBe(0);
        (flags & 0x10).ShouldBe(0x10);
        cleaned.ShouldBe(TestImages.WebP(withMetadata: false));
    }

    [Fact]
    public void A_riff_size_past_the_end_of_the_file_is_refused()
    {
        var webp = TestImages.WebP();

        WebPImage.Clean(webp.AsSpan(0, webp.Length - 6)).ShouldBeNull();
    }

    [Fact]
    public void A_webp_without_image_data_is_refused()
    {
        var webp = TestImages.WebP(withMetadata: false);
        var onlyHeader = webp[..(12 + 18)];
        BinaryPrimitives.WriteUInt32LittleEndian(onlyHeader.AsSpan(4), (uint)(onlyHeader.Length - 8));

        WebPImage.Clean(onlyHeader).ShouldBeNull();
    }
}
