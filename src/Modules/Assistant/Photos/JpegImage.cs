using System.Buffers.Binary;

namespace CreatorOS.Modules.Assistant.Photos;

/// <summary>
/// Walks a JPEG's marker segments: reads the size from the first SOFn and rewrites the file
/// without metadata. Kept: APP0 (JFIF), APP2 only when it is an ICC profile, APP14 (Adobe: colour
/// transform, needed to decode some files) and every coding segment. Dropped: APP1 (EXIF with GPS,
/// XMP), APP13 (IPTC), COM, the other vendor APPn segments and anything after EOI (trailers
/// some phones append).
/// </summary>
internal static class JpegImage
{
    private const byte Soi = 0xD8;
    private const byte Eoi = 0xD9;
    private const byte Sos = 0xDA;
    private const byte App0 = 0xE0;
    private const byte App2 = 0xE2;
    private const byte App14 = 0xEE;

    private static ReadOnlySpan<byte> IccSignature => "ICC_PROFILE\0"u8;

    private static ReadOnlySpan<byte> AdobeSignature => "Adobe"u8;

    public static bool IsJpeg(ReadOnlySpan<byte> data) => data.Length >= 3 && data[0] == 0xFF && data[1] == Soi && data[2] == 0xFF;

    public static CleanedImage? Clean(ReadOnlySpan<byte> data)
    {
        if (!IsJpeg(data))
        {
            return null;
        }

        using var output = new MemoryStream(data.Length);
        output.Write([0xFF, Soi]);
        var pos = 2;
        int width = 0, height = 0;
        var sawFrame = false;
        var sawScan = false;
        while (true)
        {
            if (pos >= data.Length)
            {
                // Some encoders leave out EOI after the last scan; decoders accept that, and so do we.
                if (!sawScan)
                {
                    return null;
                }

                output.Write([0xFF, Eoi]);
                break;
            }

            if (data[pos] != 0xFF)
            {
                return null;
            }

            while (pos < data.Length && data[pos] == 0xFF)
            {
                pos++;
            }

            if (pos >= data.Length)
            {
                return null;
            }

            var marker = data[pos++];
            if (marker == Eoi)
            {
                output.Write([0xFF, Eoi]);
                break;
            }

            if (marker is 0x00 or Soi)
            {
                return null;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                output.Write([0xFF, marker]);
                continue;
            }

            if (pos + 2 > data.Length)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[pos..]);
            if (length < 2 || pos + length > data.Length)
            {
                return null;
            }

            var payload = data.Slice(pos + 2, length - 2);
            if (IsFrame(marker) && !sawFrame)
            {
                if (payload.Length < 5)
                {
                    return null;
                }

                height = BinaryPrimitives.ReadUInt16BigEndian(payload[1..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(payload[3..]);
                sawFrame = true;
            }

            if (Keeps(marker, payload))
            {
                output.Write([0xFF, marker]);
                output.Write(data.Slice(pos, length));
            }

            pos += length;
            if (marker == Sos)
            {
                if (!sawFrame)
                {
                    return null;
                }

                sawScan = true;
                var start = pos;
                pos = EndOfEntropyCodedData(data, pos);
                output.Write(data[start..pos]);
            }
        }

        return sawFrame && sawScan ? new CleanedImage(ImageKind.Jpeg, width, height, output.ToArray()) : null;
    }

    /// <summary>SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    private static bool IsFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static bool Keeps(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        App0 => true,
        App2 => payload.StartsWith(IccSignature),
        App14 => payload.StartsWith(AdobeSignature),
        >= 0xE0 and <= 0xEF => false,
        0xFE => false,
        _ => true,
    };

    /// <summary>Scan data runs to the next marker; FF 00 is an escaped FF and RSTn markers belong to the scan.</summary>
    private static int EndOfEntropyCodedData(ReadOnlySpan<byte> data, int pos)
    {
        while (pos < data.Length)
        {
            if (data[pos] == 0xFF && pos + 1 < data.Length)
            {
                var next = data[pos + 1];
                if (next is 0x00 or (>= 0xD0 and <= 0xD7))
                {
                    pos += 2;
                    continue;
                }

                if (next != 0xFF)
                {
                    return pos;
                }
            }

            pos++;
        }

        return pos;
    }
}
