using System.Globalization;

namespace CreatorOS.Modules.Experiments.Assignment;

/// <summary>
/// GrowthBook's bucketing hash, so a unit lands in the same bucket here as in any GrowthBook SDK
/// (checked against the SDKs' shared test vectors). Version 2:
/// <c>fnv1a32(str(fnv1a32(seed + value))) % 10000 / 10000</c>; version 1: <c>fnv1a32(value + seed) % 1000 / 1000</c>.
/// FNV-1a runs over UTF-16 code units, as the JavaScript SDK's <c>charCodeAt</c> does. It runs on
/// every assignment, so it allocates nothing: FNV-1a is streamed over the two parts, and the inner
/// hash's decimal digits are formatted on the stack.
/// </summary>
internal static class GrowthBookHash
{
    public const int CurrentVersion = 2;

    private const uint OffsetBasis = 0x811c9dc5;
    private const uint Prime = 0x01000193;

    public static double? Bucket(string seed, string value, int version)
    {
        switch (version)
        {
            case 2:
                var inner = Fnv1a(Fnv1a(OffsetBasis, seed), value);
                Span<char> digits = stackalloc char[10];
                inner.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
                return Fnv1a(OffsetBasis, digits[..written]) % 10000 / 10000.0;
            case 1:
                return Fnv1a(Fnv1a(OffsetBasis, value), seed) % 1000 / 1000.0;
            default:
                return null;
        }
    }

    public static uint Fnv1a32(string text) => Fnv1a(OffsetBasis, text);

    private static uint Fnv1a(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash ^= c;
            hash *= Prime;
        }

        return hash;
    }
}
