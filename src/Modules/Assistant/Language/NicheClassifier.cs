namespace CreatorOS.Modules.Assistant.Language;

/// <summary>The niche a coach described, and the activity they named (their specialty) if any.</summary>
internal sealed record NicheMatch(string Niche, string? Specialty);

internal static class NicheClassifier
{
    /// <summary>"I teach yoga" → wellness/yoga; "I'm a powerlifting coach" → fitness/powerlifting; null when nothing matches.</summary>
    public static NicheMatch? Classify(string? text)
    {
        var folded = TextNormalizer.Fold(TextNormalizer.Normalize(text));
        if (folded.Length == 0)
        {
            return null;
        }

        var activity = Best(folded, NicheKeywords.Activities);
        if (activity is not null)
        {
            return new NicheMatch(activity.Value.Niche, activity.Value.Phrase);
        }

        var signal = Best(folded, NicheKeywords.Signals);
        return signal is null ? null : new NicheMatch(signal.Value.Niche, null);
    }

    /// <summary>The earliest phrase in the text; the longest one when two start at the same place.</summary>
    private static (string Niche, string Phrase)? Best(string folded, IReadOnlyDictionary<string, IReadOnlyList<string>> table)
    {
        (string Niche, string Phrase, int Index)? best = null;
        foreach (var (niche, phrases) in table)
        {
            foreach (var phrase in phrases)
            {
                var index = PhraseMatch.Find(folded, phrase);
                if (index >= 0 && (best is null || index < best.Value.Index || (index == best.Value.Index && phrase.Length > best.Value.Phrase.Length)))
                {
                    best = (niche, phrase, index);
                }
            }
        }

        return best is null ? null : (best.Value.Niche, best.Value.Phrase);
    }
}
