namespace CreatorOS.Modules.Assistant.Language;

/// <summary>Spec 4.2: what coaches say about the look of their store, mapped to template variants.</summary>
internal static class TemplateRequests
{
    /// <summary>Variant → words that ask for it. Only the variants of the coach's niche exist; the tool resolves them.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> VariantWords = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["minimal"] = ["minimal", "minimalist", "minimalistic", "simple", "simpler", "plain", "plainer", "understated"],
        ["dark"] = ["dark", "darker", "black", "dark mode", "moody", "night"],
        ["bold"] = ["bold", "bolder", "loud", "louder", "striking"],
        ["calm"] = ["calm", "calmer", "serene", "soothing"],
        ["nature"] = ["nature", "natural", "green", "greener", "earthy", "organic", "outdoorsy"],
        ["warm"] = ["warm", "warmer", "cosy", "cozy", "orange"],
        ["clean"] = ["clean", "cleaner", "crisp", "tidy", "blue"],
        ["modern"] = ["modern", "sleek", "contemporary", "fresh"],
        ["vibrant"] = ["vibrant", "colourful", "colorful", "bright", "brighter", "pop", "playful"],
    };

    /// <summary>Nouns that make a request about the look of the store rather than about the writing.</summary>
    public static readonly IReadOnlyList<string> DesignWords =
    [
        "theme", "themes", "template", "templates", "look", "looks", "design", "designs", "styles", "colours", "colors", "colour", "color", "style", "layout", "vibe", "palette", "aesthetic",
    ];

    public static readonly IReadOnlyList<string> DifferentWords =
    [
        "different", "another", "other", "change", "switch", "new", "options", "alternatives", "custom", "something else",
    ];

    /// <summary>Words that only ever mean a look (a tone request never uses them).</summary>
    private static readonly string[] UnambiguousVariants = ["minimal", "dark", "nature", "clean", "modern", "vibrant", "warm"];

    /// <summary>
    /// "something more minimal" → minimal; "try a darker theme" → dark; "different template" → "" (offer the
    /// variants); null when the text is not about the look. Bold and calm need a design word, because
    /// they are also tones.
    /// </summary>
    public static string? Detect(string folded)
    {
        var design = PhraseMatch.ContainsAny(folded, DesignWords);
        string? variant = null;
        var at = int.MaxValue;
        foreach (var (name, words) in VariantWords)
        {
            if (!design && !UnambiguousVariants.Contains(name))
            {
                continue;
            }

            foreach (var word in words)
            {
                var index = PhraseMatch.Find(folded, word);
                if (index >= 0 && index < at)
                {
                    (variant, at) = (name, index);
                }
            }
        }

        if (variant is not null)
        {
            // "warm"/"clean"/"modern" alone are too common in ordinary sentences: need a cue that it is a request.
            return design || PhraseMatch.ContainsAny(folded, ["more", "something", "try", "go", "make it", "switch", "prefer", "want", "darker", "looks"])
                ? variant
                : null;
        }

        return design && PhraseMatch.ContainsAny(folded, DifferentWords) ? string.Empty : null;
    }
}
