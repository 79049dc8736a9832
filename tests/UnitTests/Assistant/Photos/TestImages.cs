using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CreatorOS.UnitTests.Assistant.Photos;

/// <summary>Small but structurally valid images built byte by byte, with the metadata a phone would leave in them.</summary>
internal static class TestImages
{
    public const string GpsText = "GPS 51.5074N 0.1278W";

    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>An RGB PNG with text, EXIF and time chunks around a real zlib-compressed IDAT, and junk after IEND.</summary>
    public static byte[] Png(int width = 100, int height = 100, bool withMetadata = true)
    {
        using var output = new MemoryStream();
        output.Write(PngSignature);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = 2;
        WriteChunk(output, "IHDR", header);
        WriteChunk(output, "gAMA", [0, 0, 0xB1, 0x8F]);
        if (withMetadata)
        {
            WriteChunk(output, "tEXt", Encoding.Latin1.GetBytes("Comment\0" + GpsText));
            WriteChunk(output, "iTXt", Encoding.UTF8.GetBytes("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>secret-xmp</x:xmpmeta>"));
            WriteChunk(output, "eXIf", Encoding.ASCII.GetBytes("MM\0*" + GpsText));
            WriteChunk(output, "tIME", [0x07, 0xEA, 11, 22, 10, 30, 0]);
        }

        WriteChunk(output, "IDAT", CompressedPixels(width, height));
        WriteChunk(output, "IEND", []);
        if (withMetadata)
        {
            output.Write(Encoding.ASCII.GetBytes("trailing " + GpsText));
        }

        return output.ToArray();
    }

    public static byte[] CompressedPixels(int width, int height)
    {
        var raw = new byte[height * (1 + (width * 3))];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = i % (1 + (width * 3)) == 0 ? (byte)0 : (byte)(i * 7);
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return compressed.ToArray();
    }

    /// <summary>The chunk types of a PNG, in order, up to IEND.</summary>
    public static List<string> PngChunkTypes(byte[] png)
    {
        var types = new List<string>();
        var pos = 8;
        while (pos + 12 <= png.Length && types.LastOrDefault() != "IEND")
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos));
            types.Add(Encoding.ASCII.GetString(png, pos + 4, 4));
            pos += 12 + length;
        }

        return types;
    }

    /// <summary>
    /// A baseline JPEG's segment sequence: JFIF, EXIF with GPS, IPTC, a comment, an ICC profile,
    /// tables, SOF0, one scan whose data holds an escaped FF and a restart marker, EOI, and a trailer.
    /// The stripper works on segments, so the scan data does not have to decode.
    /// </summary>
    public static byte[] Jpeg(int width = 100, int height = 100, bool withMetadata = true)
    {
        using var output = new MemoryStream();
        output.Write([0xFF, 0xD8]);
        WriteSegment(output, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (withMetadata)
        {
            WriteSegment(output, 0xE1, [.. "Exif\0\0MM\0*"u8, .. Encoding.ASCII.GetBytes(GpsText)]);
            WriteSegment(output, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. "<x:xmpmeta>secret-xmp</x:xmpmeta>"u8]);
            WriteSegment(output, 0xED, [.. "Photoshop 3.0\08BIM"u8, .. "iptc-city"u8]);
            WriteSegment(output, 0xFE, "secret comment"u8.ToArray());
        }

        WriteSegment(output, 0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. "icc-bytes"u8]);
        WriteSegment(output, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        var frame = new byte[15];
        frame[0] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(1), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(3), (ushort)width);
        frame[5] = 3;
        byte[] components = [1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
        components.CopyTo(frame, 6);
        WriteSegment(output, 0xC0, frame);
        WriteSegment(output, 0xC4, [0x00, 1, .. new byte[15], 0x00]);
        WriteSegment(output, 0xDA, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]);
        output.Write(ScanData);
        output.Write([0xFF, 0xD9]);
        if (withMetadata)
        {
            output.Write(Encoding.ASCII.GetBytes("trailer " + GpsText));
        }

        return output.ToArray();
    }

    public static readonly byte[] ScanData = [0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0x9A, 0xFF, 0x00];

    /// <summary>An extended WebP: VP8X with the EXIF and XMP flags, a lossless frame, EXIF (odd size, padded) and XMP chunks.</summary>
    public static byte[] WebP(int width = 100, int height = 100, bool withMetadata = true)
    {
        using var chunks = new MemoryStream();
        var extended = new byte[10];
        extended[0] = (byte)(0x10 | (withMetadata ? 0x08 | 0x04 : 0));
        WriteUInt24(extended.AsSpan(4), width - 1);
        WriteUInt24(extended.AsSpan(7), height - 1);
        WriteRiffChunk(chunks, "VP8X", extended);
        WriteRiffChunk(chunks, "VP8L", Lossless(width, height));
        if (withMetadata)
        {
            WriteRiffChunk(chunks, "EXIF", Encoding.ASCII.GetBytes("MM\0*" + GpsText + "!"));
            WriteRiffChunk(chunks, "XMP ", "<x:xmpmeta>secret-xmp</x:xmpmeta>"u8.ToArray());
        }

        return Riff(chunks.ToArray());
    }

    /// <summary>A simple (not extended) lossy WebP: one VP8 key frame.</summary>
    public static byte[] LossyWebP(int width, int height)
    {
        var frame = new byte[20];
        frame[0] = 0x10;
        frame[3] = 0x9D;
        frame[4] = 0x01;
        frame[5] = 0x2A;
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(8), (ushort)height);
        using var chunks = new MemoryStream();
        WriteRiffChunk(chunks, "VP8 ", frame);
        return Riff(chunks.ToArray());
    }

    public static byte[] LosslessWebP(int width, int height)
    {
        using var chunks = new MemoryStream();
        WriteRiffChunk(chunks, "VP8L", Lossless(width, height));
        return Riff(chunks.ToArray());
    }

    public static List<string> RiffChunkTypes(byte[] webp)
    {
        var types = new List<string>();
        var pos = 12;
        while (pos + 8 <= webp.Length)
        {
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(pos + 4));
            types.Add(Encoding.ASCII.GetString(webp, pos, 4));
            pos += 8 + size + (size & 1);
        }

        return types;
    }

    public static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static byte[] Lossless(int width, int height)
    {
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
        var data = new byte[9];
        data[0] = 0x2F;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(1), bits);
        return data;
    }

    private static byte[] Riff(byte[] chunks)
    {
        var output = new byte[12 + chunks.Length];
        "RIFF"u8.CopyTo(output);
        BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(4), (uint)(4 + chunks.Length));
        "WEBP"u8.CopyTo(output.AsSpan(8));
        chunks.CopyTo(output, 12);
        return output;
    }

    private static void WriteRiffChunk(Stream output, string fourCc, byte[] data)
    {
        output.Write(Encoding.ASCII.GetBytes(fourCc));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        output.Write(size);
        output.Write(data);
        if (data.Length % 2 == 1)
        {
            output.WriteByte(0);
        }
    }

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    private static void WriteSegment(Stream output, byte marker, byte[] payload)
    {
        output.Write([0xFF, marker]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        output.Write(length);
        output.Write(payload);
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        output.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        output.Write(crc);
    }

    /// <summary>The PNG CRC (ISO 3309), bit by bit: slow and obviously right.</summary>
    public static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
