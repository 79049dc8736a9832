using System.IO.Compression;
using CreatorOS.Modules.Assistant.Photos;

namespace CreatorOS.UnitTests.Assistant.Photos;

public sealed class PngImageTests
{
    [Theory]
    [InlineData(100, 100)]
    [InlineData(300, 120)]
    public void Reads_width_and_height_from_ihdr(int width, int height)
    {
        var image = PngImage.Clean(TestImages.Png(width, height)).ShouldNotBeNull();
        var (w, h) = (image.Width, image.Height);

        w.ShouldBe(width);
        h.ShouldBe(height);
    }

    [Fact]
    public void Keeps_only_the_chunks_needed_to_draw_the_image()
    {
        var original = TestImages.Png();
        TestImages.PngChunkTypes(original).ShouldBe(["IHDR", "gAMA", "tEXt", "iTXt", "eXIf", "tIME", "IDAT", "IEND"]);

        var cleaned = PngImage.Clean(original)!.Content;

        TestImages.PngChunkTypes(cleaned).ShouldBe(["IHDR", "gAMA", "IDAT", "IEND"]);
        TestImages.Contains(cleaned, "GPS").ShouldBeFalse();
        TestImages.Contains(cleaned, "secret-xmp").ShouldBeFalse();
        TestImages.Contains(cleaned, "trailing").ShouldBeFalse();
    }

    [Fact]
    public void The_pixels_are_untouched()
    {
        var cleaned = PngImage.Clean(TestImages.Png())!.Content;

        cleaned.ShouldBe(TestImages.Png(withMetadata: false));
        var idat = TestImages.CompressedPixels(100, 100);
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(idat), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        inflated.Length.ShouldBe(100 * (1 + (100 * 3)));
        TestImages.Contains(cleaned, idat).ShouldBeTrue();
    }

    [Fact]
    public void Chunks_keep_valid_crcs()
    {
        var cleaned = PngImage.Clean(TestImages.Png())!.Content;

        var pos = 8;
        while (pos < cleaned.Length)
        {
            var length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(cleaned.AsSpan(pos));
            var crc = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(cleaned.AsSpan(pos + 8 + length));
            crc.ShouldBe(TestImages.Crc32(cleaned[(pos + 4)..(pos + 8 + length)]));
            pos += 12 + length;
        }
    }

    [Fact]
    public void A_png_without_iend_is_refused()
    {
        var png = TestImages.Png(withMetadata: false);

        PngImage.Clean(png.AsSpan(0, png.Length - 12)).ShouldBeNull();
    }

    [Fact]
    public void A_png_whose_first_chunk_is_not_ihdr_is_refused()
    {
        var png = TestImages.Png(withMetadata: false);
        png[12] = (byte)'X';

        PngImage.Clean(png).ShouldBeNull();
    }
}
