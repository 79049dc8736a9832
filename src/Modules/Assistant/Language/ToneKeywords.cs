namespace CreatorOS.Modules.Assistant.Language;

/// <summary>Spec 4.4: the words that ask for each tone, and the design words that ask for a store look.</summary>
internal static class ToneKeywords
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Tones = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["casual"] = ["casual", "relaxed", "chill", "informal", "fun", "friendly", "laid back", "laid-back", "chatty"],
        ["professional"] = ["professional", "formal", "serious", "polished", "corporate", "businesslike"],
        ["energetic"] = ["energetic", "exciting", "bold", "punchy", "hype", "hyped", "upbeat", "lively", "bolder"],
        ["calm"] = ["calm", "gentle", "soft", "peaceful", "zen", "calmer", "softer", "quieter", "soothing"],
    };

    /// <summary>"too formal" asks for the opposite tone.</summary>
    public static readonly IReadOnlyDictionary<string, string> Opposites = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["casual"] = "professional",
        ["professional"] = "casual",
        ["energetic"] = "calm",
        ["calm"] = "energetic",
    };

    /// <summary>Words that make a tone word a request about the writing ("make it more casual", "my bio sounds too formal").</summary>
    public static readonly IReadOnlyList<string> RequestCues =
    [
        "more", "less", "bit", "make it", "make my", "sound", "sounds", "tone", "bio", "rewrite", "re-write", "redo", "change it",
        "too", "can you", "could you", "try", "instead", "version", "write it", "friendlier",
    ];
}
