using System.Text.RegularExpressions;

namespace CreatorOS.Modules.Assistant.Language;

/// <summary>Reads free text into an <see cref="Understanding"/>: pure, deterministic, phrase tables in <see cref="IntentPhrases"/>.</summary>
internal static partial class IntentClassifier
{
    private static readonly string[] RequestCues = ["can you", "could you", "would you", "will you", "can it", "could it", "can we", "could we", "can my", "could my", "please", "i want", "i'd like", "id like", "let's", "lets", "i need", "help me"];

    private static readonly string[] PriceWords = ["charge", "charges", "charging", "price", "prices", "pricing", "cost", "costs", "fee", "fees", "how much", "pay"];

    private static readonly string[] ConnectVerbs = ["connect", "link", "hook up", "sync", "import", "use my", "add my"];

    private static readonly string[] PaymentVerbs = ["connect", "set up", "setup", "add", "link", "turn on", "enable", "start"];

    public static Understanding Classify(string? message, DateTimeOffset now, bool priceExpected = false)
    {
        var text = TextNormalizer.Normalize(message);
        var folded = TextNormalizer.Fold(text);
        var isQuestion = text.Contains('?', StringComparison.Ordinal) || IntentPhrases.QuestionStarts.Any(q => folded.StartsWith(q + " ", StringComparison.Ordinal));
        var isRequest = PhraseMatch.ContainsAny(folded, RequestCues) || IsImperative(folded);
        var u = new Understanding(IntentKind.Other, text)
        {
            IsQuestion = isQuestion,
            When = WhenParser.Parse(text, now),
            Platform = PlatformOf(folded),
            Niche = NicheClassifier.Classify(text),
            Price = PriceParser.Parse(text, priceExpected),
        };

        if (folded.Trim('.', '!', '?', ' ').Length == 0)
        {
            return u with { Kind = IntentKind.Empty };
        }

        var competitor = PhraseMatch.FirstOf(folded, IntentPhrases.Competitors);
        if (competitor is not null && (isQuestion || PhraseMatch.ContainsAny(folded, PriceWords)))
        {
            return u with { Kind = IntentKind.Competitor, Competitor = Display(competitor) };
        }

        var action = isRequest || !isQuestion;
        if (action && PhraseMatch.ContainsAny(folded, IntentPhrases.DeleteVerbs) && (PhraseMatch.ContainsAny(folded, IntentPhrases.BlogNouns) || PhraseMatch.ContainsAny(folded, ["that one", "it", "that"])))
        {
            return u with { Kind = IntentKind.DeleteBlog, Topic = DeleteHint(folded) };
        }

        if (action && (PhraseMatch.ContainsAny(folded, IntentPhrases.ShareCues) || (PhraseMatch.ContainsAny(folded, ["post", "caption", "text"]) && PhraseMatch.ContainsAny(folded, ["share", "sharing"]))))
        {
            return u with { Kind = IntentKind.ShareContent };
        }

        if (!isQuestion && PhraseMatch.ContainsAny(folded, IntentPhrases.SharedDone) && !PhraseMatch.ContainsAny(folded, IntentPhrases.WriteVerbs))
        {
            return u with { Kind = IntentKind.Shared };
        }

        if (action && BlogRequest(folded) is { } blog)
        {
            return blog.Regenerate ? u with { Kind = IntentKind.RegenerateBlogs } : u with { Kind = IntentKind.WriteBlog, Topic = blog.Topic };
        }

        if (PhraseMatch.ContainsAny(folded, IntentPhrases.Analytics))
        {
            return u with { Kind = IntentKind.Analytics };
        }

        var writingWords = PhraseMatch.ContainsAny(folded, ["bio", "tone", "sound", "sounds", "writing", "wording", "voice", "words"]);
        var tone = ToneDetector.DetectRequest(folded);
        if (tone is not null && writingWords)
        {
            return u with { Kind = IntentKind.Tone, Tone = tone };
        }

        var variant = TemplateRequests.Detect(folded);
        if (variant is not null && (action || variant.Length > 0 || PhraseMatch.ContainsAny(folded, ["see", "show", "other", "different", "another", "options", "alternatives"])))
        {
            return u with { Kind = IntentKind.Template, Variant = variant };
        }

        if (tone is not null && (action || TextNormalizer.WordCount(folded) <= 4))
        {
            return u with { Kind = IntentKind.Tone, Tone = tone };
        }

        if (action && PhraseMatch.ContainsAny(folded, IntentPhrases.LiveCues) && PhraseMatch.ContainsAny(folded, IntentPhrases.ScheduleVerbs))
        {
            return u with { Kind = IntentKind.ScheduleLive };
        }

        if (action && PhraseMatch.ContainsAny(folded, IntentPhrases.PaymentCues) && (PhraseMatch.ContainsAny(folded, PaymentVerbs) || TextNormalizer.WordCount(folded) <= 3))
        {
            return u with { Kind = IntentKind.Payments };
        }

        if (u.Price is not null && !(isQuestion && !isRequest && PhraseMatch.ContainsAny(folded, ["how do", "how can", "what"])))
        {
            return u with { Kind = IntentKind.Price };
        }

        if (NameParser.ParseExplicit(text) is { } name)
        {
            return u with { Kind = IntentKind.NameChange, Name = name };
        }

        if (isQuestion && PhraseMatch.ContainsAny(folded, IntentPhrases.NextAdvice))
        {
            return u with { Kind = IntentKind.NextAdvice };
        }

        if (isQuestion && !isRequest && FeatureOf(folded) is { } feature)
        {
            return u with { Kind = IntentKind.FeatureQuestion, Feature = feature };
        }

        if (isQuestion && FeatureOf(folded) is "avery" or "store")
        {
            return u with { Kind = IntentKind.FeatureQuestion, Feature = FeatureOf(folded) };
        }

        if (PhraseMatch.ContainsAny(folded, IntentPhrases.NextAdvice))
        {
            return u with { Kind = IntentKind.NextAdvice };
        }

        if (PhraseMatch.IsExactly(folded, IntentPhrases.AllSet) || (TextNormalizer.WordCount(folded) <= 6 && PhraseMatch.ContainsAny(folded, ["all set", "i'm done", "im done", "that's all"])))
        {
            return u with { Kind = IntentKind.AllSet };
        }

        if (PhraseMatch.IsExactly(folded, IntentPhrases.Skip) || (TextNormalizer.WordCount(folded) <= 8 && PhraseMatch.ContainsAny(folded, ["skip", "not now", "maybe later", "do it later", "move on", "no socials", "no social media", "don't have social", "dont have social"])))
        {
            return u with { Kind = IntentKind.Skip };
        }

        if (PhraseMatch.ContainsAny(folded, IntentPhrases.Confused) && TextNormalizer.WordCount(folded) <= 12)
        {
            return u with { Kind = IntentKind.Confused };
        }

        if (PhraseMatch.IsExactly(folded, IntentPhrases.Thanks) || (TextNormalizer.WordCount(folded) <= 5 && PhraseMatch.ContainsAny(folded, ["thanks", "thank you"])))
        {
            return u with { Kind = IntentKind.Thanks };
        }

        if (PhraseMatch.IsExactly(folded, IntentPhrases.Greetings))
        {
            return u with { Kind = IntentKind.Greeting };
        }

        if (u.Platform is { } platform && platform is "instagram" or "tiktok" or "youtube"
            && (PhraseMatch.ContainsAny(folded, ConnectVerbs) || TextNormalizer.WordCount(folded) <= 3))
        {
            return u with { Kind = IntentKind.ConnectSocial };
        }

        if (PhraseMatch.IsExactly(folded, IntentPhrases.Yes) || (TextNormalizer.WordCount(folded) <= 4 && StartsWithAny(folded, ["yes", "yeah", "yep", "sure", "ok", "okay", "sounds good", "let's do it", "go ahead"])))
        {
            return u with { Kind = IntentKind.Yes };
        }

        if (PhraseMatch.IsExactly(folded, IntentPhrases.No) || (TextNormalizer.WordCount(folded) <= 4 && StartsWithAny(folded, ["no", "nope", "nah"])))
        {
            return u with { Kind = IntentKind.No };
        }

        if (u.When is not null && PhraseMatch.ContainsAny(folded, IntentPhrases.LiveCues))
        {
            return u with { Kind = IntentKind.ScheduleLive };
        }

        return u;
    }

    /// <summary>The words of a delete request that may name the blog ("delete the meal prep blog" → "meal prep").</summary>
    private static string? DeleteHint(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', '!', '?', '"', '\''))
            .Where(w => w.Length > 0 && !DeleteNoise.Contains(w))
            .ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    private static readonly HashSet<string> DeleteNoise = new(StringComparer.Ordinal)
    {
        "delete", "remove", "get", "rid", "of", "take", "down", "unpublish", "bin", "the", "my", "that", "this", "blog", "blogs", "post",
        "posts", "article", "articles", "please", "can", "you", "could", "would", "i", "want", "to", "one", "about", "called", "titled",
        "on", "a", "an", "it", "just", "wrote", "written", "want", "d", "like", "id", "i'd", "avery", "hey", "hi", "pls",
    };

    private static (bool Regenerate, string? Topic)? BlogRequest(string folded)
    {
        var hasNoun = PhraseMatch.ContainsAny(folded, IntentPhrases.BlogNouns);
        var regenerate = PhraseMatch.ContainsAny(folded, IntentPhrases.RegenerateCues);
        var hasVerb = PhraseMatch.ContainsAny(folded, IntentPhrases.WriteVerbs);
        if (hasNoun && hasVerb)
        {
            var topic = TopicOf(folded);
            if (topic is not null)
            {
                return (false, topic);
            }

            return regenerate ? (true, null) : (false, null);
        }

        return regenerate && (hasNoun || PhraseMatch.ContainsAny(folded, ["regenerate", "different ones", "new ones", "other ones", "write different", "write new"]))
            ? (true, null)
            : null;
    }

    private static string? TopicOf(string folded)
    {
        var match = TopicPattern().Match(folded);
        if (!match.Success)
        {
            return null;
        }

        var raw = match.Groups["topic"].Value;
        var end = raw.IndexOfAny(['.', '?', '!', ';']);
        var topic = TrailingNoise().Replace(end > 0 ? raw[..end] : raw, string.Empty).Trim(' ', '.', '!', '?', ',', '"', '\'');
        if (topic.Length == 0 || PhraseMatch.IsExactly(topic, ["it", "this", "that", "anything", "something"]))
        {
            return null;
        }

        return topic.Length > 120 ? topic[..120].TrimEnd() : topic;
    }

    private static string? FeatureOf(string folded) =>
        IntentPhrases.Features.FirstOrDefault(f => PhraseMatch.ContainsAny(folded, f.Words)).Feature;

    private static string? PlatformOf(string folded) =>
        IntentPhrases.Platforms.FirstOrDefault(p => PhraseMatch.ContainsAny(folded, p.Value)).Key;

    private static string Display(string competitor) =>
        IntentPhrases.CompetitorDisplay.TryGetValue(competitor, out var display) ? display : char.ToUpperInvariant(competitor[0]) + competitor[1..];

    private static bool StartsWithAny(string folded, IEnumerable<string> words) =>
        words.Any(w => folded == w || folded.StartsWith(w + " ", StringComparison.Ordinal) || folded.StartsWith(w + ",", StringComparison.Ordinal) || folded.StartsWith(w + "!", StringComparison.Ordinal) || folded.StartsWith(w + ".", StringComparison.Ordinal));

    private static bool IsImperative(string folded) =>
        StartsWithAny(folded, ["write", "create", "draft", "make", "schedule", "book", "delete", "remove", "change", "set", "switch", "try", "connect", "show", "give", "generate", "publish", "use", "add", "plan", "regenerate", "redo", "rewrite"]);

    [GeneratedRegex(@"\b(?:blogs?|blog posts?|posts?|articles?)\b.*?\b(?:about|on|around|covering|regarding|re|titled|called)\s+(?<topic>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicPattern();

    [GeneratedRegex(@"\s*\b(?:please|pls|for me|for my store|thanks|thank you|if you can|if possible)\b[\s.!?]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNoise();
}
