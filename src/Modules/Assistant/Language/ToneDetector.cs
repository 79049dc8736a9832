namespace CreatorOS.Modules.Assistant.Language;

internal static class ToneDetector
{
    /// <summary>The tone a coach asks for ("can you make it more casual?" → casual, "it's too formal" → casual), or null.</summary>
    public static string? DetectRequest(string folded)
    {
        if (!PhraseMatch.ContainsAny(folded, ToneKeywords.RequestCues))
        {
            return Mentioned(folded) is { } bare && TextNormalizer.WordCount(folded) <= 2 ? bare : null;
        }

        var tone = Mentioned(folded);
        if (tone is null)
        {
            return null;
        }

        var word = ToneKeywords.Tones[tone].First(w => PhraseMatch.Contains(folded, w));
        var tooIndex = PhraseMatch.Find(folded, "too " + word);
        var lessIndex = PhraseMatch.Find(folded, "less " + word);
        return tooIndex >= 0 || lessIndex >= 0 ? ToneKeywords.Opposites[tone] : tone;
    }

    /// <summary>The first tone any of whose words occur in the text.</summary>
    public static string? Mentioned(string folded)
    {
        (string Tone, int Index)? best = null;
        foreach (var (tone, words) in ToneKeywords.Tones)
        {
            foreach (var word in words)
            {
                var index = PhraseMatch.Find(folded, word);
                if (index >= 0 && (best is null || index < best.Value.Index))
                {
                    best = (tone, index);
                }
            }
        }

        return best?.Tone;
    }
}
