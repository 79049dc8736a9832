using System.Buffers.Binary;

namespace CreatorOS.Modules.Assistant.Photos;

/// <summary>
/// Walks a WebP's RIFF chunks: reads the size from VP8X (canvas), VP8 (lossy key frame) or VP8L
/// (lossless) and rewrites the file without EXIF and XMP chunks (and without unknown chunks),
/// clearing their VP8X flags and fixing the RIFF size.
/// </summary>
internal static class WebPImage
{
    private const byte ExifFlag = 0x08;
    private const byte XmpFlag = 0x04;

    private static readonly HashSet<string> KeptChunks = ["VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP"];

    public static bool IsWebP(ReadOnlySpan<byte> data) =>
        data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8);

    public static CleanedImage? Clean(ReadOnlySpan<byte> data)
    {
        if (!IsWebP(data))
        {
            return null;
        }

        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffEnd > data.Length || riffEnd < 12)
        {
            return null;
        }

        using var chunks = new MemoryStream(data.Length);
        var pos = 12;
        int? canvasWidth = null, canvasHeight = null, frameWidth = null, frameHeight = null;
        var first = true;
        var sawImage = false;
        while (pos < riffEnd)
        {
            if (pos + 8 > riffEnd)
            {
                return null;
            }

            var fourCc = System.Text.Encoding.ASCII.GetString(data.Slice(pos, 4));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(pos + 4)..]);
            if (pos + 8L + size > riffEnd)
            {
                return null;
            }

            var payload = data.Slice(pos + 8, (int)size);
            if (first && fourCc is not ("VP8 " or "VP8L" or "VP8X"))
            {
                return null;
            }

            first = false;
            sawImage |= fourCc is "VP8 " or "VP8L" or "ANMF";
            switch (fourCc)
            {
                case "VP8X":
                    if (payload.Length < 10)
                    {
                        return null;
                    }

                    canvasWidth = 1 + ReadUInt24(payload[4..]);
                    canvasHeight = 1 + ReadUInt24(payload[7..]);
                    break;
                case "VP8 " when frameWidth is null:
                    if (!TryReadLossySize(payload, out var lossyWidth, out var lossyHeight))
                    {
                        return null;
                    }

                    (frameWidth, frameHeight) = (lossyWidth, lossyHeight);
                    break;
                case "VP8L" when frameWidth is null:
                    if (payload.Length < 5 || payload[0] != 0x2F)
                    {
                        return null;
                    }

                    var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
                    (frameWidth, frameHeight) = ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
                    break;
                default:
                    break;
            }

            if (KeptChunks.Contains(fourCc))
            {
                chunks.Write(data.Slice(pos, 8));
                if (fourCc == "VP8X")
                {
                    chunks.WriteByte((byte)(payload[0] & ~(ExifFlag | XmpFlag)));
                    chunks.Write(payload[1..]);
                }
                else
                {
                    chunks.Write(payload);
                }

                if ((size & 1) == 1)
                {
                    chunks.WriteByte(0);
                }
            }

            // Chunks are padded to an even size; a missing pad byte on the last chunk is tolerated.
            pos += 8 + (int)size + (int)(size & 1);
        }

        var width = canvasWidth ?? frameWidth;
        var height = canvasHeight ?? frameHeight;
        if (!sawImage || width is null || height is null)
        {
            return null;
        }

        var body = chunks.ToArray();
        var output = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(output);
        BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(4), (uint)(4 + body.Length));
        "WEBP"u8.CopyTo(output.AsSpan(8));
        body.CopyTo(output.AsSpan(12));
        return new CleanedImage(ImageKind.WebP, width.Value, height.Value, output);
    }

    /// <summary>A VP8 key frame: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.</summary>
    private static bool TryReadLossySize(ReadOnlySpan<byte> payload, out int width, out int height)
    {
        width = height = 0;
        if (payload.Length < 10 || (payload[0] & 1) != 0 || payload[3] != 0x9D || payload[4] != 0x01 || payload[5] != 0x2A)
        {
            return false;
        }

        width = BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF;
        height = BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF;
        return width > 0 && height > 0;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> data) => data[0] | (data[1] << 8) | (data[2] << 16);
}
