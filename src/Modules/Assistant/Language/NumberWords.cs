using System.Globalization;
using System.Text;

namespace CreatorOS.Modules.Assistant.Language;

/// <summary>
/// Turns spelled-out amounts into digits: "twelve" → "12", "twenty five" → "25",
/// "twelve ninety-nine" → "12.99" (how prices are said aloud).
/// </summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    public static string Replace(string folded)
    {
        var words = folded.Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var output = new List<string>(words.Length);
        var i = 0;
        while (i < words.Length)
        {
            if (!TryNumber(words, ref i, out var first))
            {
                output.Add(words[i]);
                i++;
                continue;
            }

            var mark = i;
            if (first < 100 && TryNumber(words, ref i, out var second) && second is >= 10 and < 100)
            {
                output.Add(first.ToString(CultureInfo.InvariantCulture) + "." + second.ToString("00", CultureInfo.InvariantCulture));
            }
            else
            {
                i = mark;
                output.Add(first.ToString(CultureInfo.InvariantCulture));
            }
        }

        return new StringBuilder().AppendJoin(' ', output).ToString();
    }

    /// <summary>Reads one number of up to "nine hundred and ninety nine" starting at <paramref name="i"/>.</summary>
    private static bool TryNumber(string[] words, ref int i, out int value)
    {
        value = 0;
        var start = i;
        var pos = i;
        if (pos < words.Length && (Units.TryGetValue(words[pos], out var u) || words[pos] == "a") && pos + 1 < words.Length && words[pos + 1] == "hundred")
        {
            value = (words[pos] == "a" ? 1 : u) * 100;
            pos += 2;
            if (pos < words.Length && words[pos] == "and")
            {
                pos++;
            }
        }

        if (pos < words.Length && Tens.TryGetValue(words[pos], out var t))
        {
            value += t;
            pos++;
            if (pos < words.Length && Units.TryGetValue(words[pos], out var unit) && unit is > 0 and < 10)
            {
                value += unit;
                pos++;
            }
        }
        else if (pos < words.Length && Units.TryGetValue(words[pos], out var small))
        {
            value += small;
            pos++;
        }

        if (pos == start || (pos > start && words[pos - 1] == "and"))
        {
            return false;
        }

        i = pos;
        return true;
    }
}
