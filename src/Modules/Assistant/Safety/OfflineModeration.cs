using System.Text;
using CreatorOS.Modules.Assistant.Language;

namespace CreatorOS.Modules.Assistant.Safety;

/// <summary>
/// Word-list moderation for when no provider endpoint is configured: case-insensitive, whole words,
/// with leetspeak and s.p.a.c.e.d letters undone. Categories: hate | sexual | violence | self_harm
/// (self-harm first, so a coach in distress gets the right answer rather than a telling-off).
/// </summary>
internal sealed class OfflineModeration : IContentModerator
{
    private static readonly string[] Order = ["self_harm", "violence", "sexual", "hate"];

    public bool WordListDecides => true;

    public Task<ModerationVerdict> CheckAsync(string text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Check(text));
    }

    public static ModerationVerdict Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ModerationVerdict.Clean;
        }

        var folded = TextNormalizer.Fold(text);
        var deleeted = Deleet(text);
        var variants = new[] { folded, deleeted, Unspaced(deleeted) }.Distinct().ToList();
        foreach (var category in Order)
        {
            if (variants.Any(v => PhraseMatch.ContainsAny(v, ModerationWordList.Categories[category])))
            {
                return new ModerationVerdict(true, category);
            }
        }

        return ModerationVerdict.Clean;
    }

    /// <summary>"k1ll y0u" → "kill you"; only inside words, so "£15" and "24/7" stay as they are.</summary>
    private static string Deleet(string text)
    {
        var lower = text.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            var inWord = (i > 0 && char.IsLetter(lower[i - 1])) || (i + 1 < lower.Length && char.IsLetter(lower[i + 1]));
            builder.Append(inWord && ModerationWordList.Leet.TryGetValue(c, out var letter) ? letter : c);
        }

        return TextNormalizer.Fold(builder.ToString());
    }

    /// <summary>"p o r n" or "p.o.r.n" → "porn": single letters separated by spaces or dots are joined.</summary>
    private static string Unspaced(string folded)
    {
        var tokens = folded.Replace('.', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder();
        var run = new StringBuilder();
        foreach (var token in tokens)
        {
            if (token.Length == 1 && char.IsLetter(token[0]))
            {
                run.Append(token);
                continue;
            }

            Flush();
            builder.Append(token).Append(' ');
        }

        Flush();
        return builder.ToString().Trim();

        void Flush()
        {
            if (run.Length > 0)
            {
                builder.Append(run).Append(' ');
                run.Clear();
            }
        }
    }
}
