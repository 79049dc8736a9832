using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace CreatorOS.Modules.Assistant.Language;

/// <summary>Whole-word phrase matching over folded text (see <see cref="TextNormalizer.Fold"/>).</summary>
internal static class PhraseMatch
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static bool Contains(string folded, string phrase) => Find(folded, phrase) >= 0;

    public static bool ContainsAny(string folded, IEnumerable<string> phrases) => phrases.Any(p => Contains(folded, p));

    /// <summary>Index of the phrase as whole words, or -1.</summary>
    public static int Find(string folded, string phrase)
    {
        var regex = Patterns.GetOrAdd(phrase, p => new Regex(@"(?<![\p{L}\p{N}])" + Regex.Escape(p) + @"(?![\p{L}\p{N}])", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)));
        var match = regex.Match(folded);
        return match.Success ? match.Index : -1;
    }

    /// <summary>The first phrase of the list found in the text, in list order.</summary>
    public static string? FirstOf(string folded, IEnumerable<string> phrases) => phrases.FirstOrDefault(p => Contains(folded, p));

    /// <summary>Whole message is one of the phrases, ignoring trailing punctuation and emoji.</summary>
    public static bool IsExactly(string folded, IEnumerable<string> phrases)
    {
        var core = folded.Trim(' ', '.', '!', '?', ',');
        return phrases.Any(p => string.Equals(core, p, StringComparison.Ordinal));
    }
}
