namespace CreatorOS.Modules.Assistant.Language;

/// <summary>Whole-word phrase matching over folded text (see <see cref="TextNormalizer.Fold"/>).</summary>
internal static class PhraseMatch
{
    public static bool Contains(string folded, string phrase) => Find(folded, phrase) >= 0;

    public static bool ContainsAny(string folded, IEnumerable<string> phrases) => phrases.Any(p => Contains(folded, p));

    /// <summary>Index of the phrase as whole words (no letter or digit right before or after it), or -1.</summary>
    /// <remarks>
    /// An ordinal scan rather than a regex per phrase: the brain tests a few hundred phrases per message,
    /// and this was the largest pure-CPU cost of a turn under load.
    /// </remarks>
    public static int Find(string folded, string phrase)
    {
        if (phrase.Length == 0)
        {
            return -1;
        }

        for (var from = 0; from <= folded.Length - phrase.Length;)
        {
            var at = folded.IndexOf(phrase, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            if (!IsWordChar(folded, at - 1) && !IsWordChar(folded, at + phrase.Length))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    private static bool IsWordChar(string text, int index) =>
        index >= 0 && index < text.Length && (char.IsLetter(text[index]) || char.IsNumber(text[index]));

    /// <summary>The first phrase of the list found in the text, in list order.</summary>
    public static string? FirstOf(string folded, IEnumerable<string> phrases) => phrases.FirstOrDefault(p => Contains(folded, p));

    /// <summary>Whole message is one of the phrases, ignoring trailing punctuation and emoji.</summary>
    public static bool IsExactly(string folded, IEnumerable<string> phrases)
    {
        var core = folded.Trim(' ', '.', '!', '?', ',');
        return phrases.Any(p => string.Equals(core, p, StringComparison.Ordinal));
    }
}
