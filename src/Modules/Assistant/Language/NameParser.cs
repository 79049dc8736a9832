using System.Text.RegularExpressions;

namespace CreatorOS.Modules.Assistant.Language;

/// <summary>
/// Reads the name a coach wants to be called from a reply. The name is kept exactly as typed
/// (scenario 10: no spelling or case corrections); only the words around it are removed.
/// </summary>
internal static partial class NameParser
{
    public const int MaxLength = 100;
    public const int MaxWords = 5;

    private static readonly string[] Prefixes =
    [
        "you can call me", "just call me", "please call me", "call me", "my name is", "my name's", "my names", "name's", "names",
        "i am called", "i'm called", "i am", "i'm", "im", "it's", "its", "it is", "this is", "i go by", "the name is", "the name's",
    ];

    /// <summary>Words a name never starts with: the reply is a sentence about something else.</summary>
    private static readonly HashSet<string> NotNameStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "i", "we", "my", "you", "your", "what", "how", "why", "when", "where", "who", "can", "could", "do", "does",
        "is", "are", "would", "should", "not", "no", "yes", "maybe", "skip", "help", "please", "ok", "okay", "sure", "thanks",
        "thank", "this", "that", "it", "just", "hi", "hello", "hey", "here", "there", "so", "um", "umm", "hmm", "idk", "nothing",
    };

    /// <summary>Words that show the reply is about coaching, not a name.</summary>
    private static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "coaching", "teach", "teacher", "trainer", "training", "help", "store", "price", "blog", "blogs", "want", "need",
        "don't", "dont", "know", "sure", "confusing", "business", "fitness", "wellness", "lifestyle", "yoga", "setup",
    };

    /// <summary>The name, or null when the text does not look like one (a question, a sentence, digits only, too long).</summary>
    public static string? Parse(string? text)
    {
        var name = TextNormalizer.Normalize(text);
        if (name.Length == 0 || name.Contains('?', StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal)
            || name.Contains("http", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        name = LeadingGreeting().Replace(name, string.Empty);
        foreach (var prefix in Prefixes)
        {
            if (name.Replace('’', '\'').StartsWith(prefix + " ", StringComparison.OrdinalIgnoreCase))
            {
                name = name[(prefix.Length + 1)..];
                break;
            }
        }

        var end = name.IndexOfAny([',', ';', '!', '(']);
        if (end >= 0)
        {
            name = name[..end];
        }

        name = name.Trim().Trim('"', '\'', '“', '”', '‘', '’').TrimEnd('.', ' ').Trim();
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (name.Length is 0 or > MaxLength || words.Length > MaxWords || !name.Any(char.IsLetter)
            || NotNameStarts.Contains(words[0]) || words.Any(NotNameWords.Contains) || name.Count(char.IsDigit) > name.Length / 2)
        {
            return null;
        }

        return name;
    }

    /// <summary>A name stated explicitly ("call me Sam", "my name is Sam"), as opposed to any short reply.</summary>
    public static string? ParseExplicit(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return ExplicitCue().IsMatch(normalized) ? Parse(ExplicitCue().Match(normalized).Groups["rest"].Value is { Length: > 0 } rest ? "call me " + rest : null) : null;
    }

    [GeneratedRegex(@"^(hi|hey|hello|hiya|howdy|yo|hallo|good (morning|afternoon|evening))( there| avery)?[\s,!.:-]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingGreeting();

    [GeneratedRegex(@"\b(call me|my name is|my name's|i go by)\s+(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitCue();
}
