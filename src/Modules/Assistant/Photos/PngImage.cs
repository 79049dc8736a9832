using System.Buffers.Binary;

namespace CreatorOS.Modules.Assistant.Photos;

/// <summary>
/// Walks a PNG's chunks: reads the size from IHDR and keeps only the chunks needed to show the
/// image faithfully. Text (tEXt, zTXt, iTXt), EXIF (eXIf), timestamps (tIME), every other
/// ancillary chunk and anything after IEND are dropped. Kept chunks are copied with their CRC.
/// </summary>
internal static class PngImage
{
    private static readonly HashSet<string> KeptChunks = ["IHDR", "PLTE", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "IDAT", "IEND"];

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsPng(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    public static CleanedImage? Clean(ReadOnlySpan<byte> data)
    {
        if (!IsPng(data))
        {
            return null;
        }

        using var output = new MemoryStream(data.Length);
        output.Write(Signature);
        var pos = Signature.Length;
        int width = 0, height = 0;
        var sawData = false;
        var first = true;
        while (true)
        {
            if (pos + 12 > data.Length)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            if (length > int.MaxValue || pos + 12 + (long)length > data.Length)
            {
                return null;
            }

            var type = System.Text.Encoding.ASCII.GetString(data.Slice(pos + 4, 4));
            var chunkData = data.Slice(pos + 8, (int)length);
            var total = 12 + (int)length;
            if (first)
            {
                if (type != "IHDR" || length != 13)
                {
                    return null;
                }

                var w = BinaryPrimitives.ReadUInt32BigEndian(chunkData);
                var h = BinaryPrimitives.ReadUInt32BigEndian(chunkData[4..]);
                if (w is 0 or > int.MaxValue || h is 0 or > int.MaxValue)
                {
                    return null;
                }

                (width, height) = ((int)w, (int)h);
                first = false;
            }

            sawData |= type == "IDAT";
            if (KeptChunks.Contains(type))
            {
                output.Write(data.Slice(pos, total));
            }

            pos += total;
            if (type == "IEND")
            {
                break;
            }
        }

        return sawData ? new CleanedImage(ImageKind.Png, width, height, output.ToArray()) : null;
    }
}
