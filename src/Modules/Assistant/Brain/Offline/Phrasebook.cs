using System.Text.RegularExpressions;

namespace CreatorOS.Modules.Assistant.Brain.Offline;

/// <summary>Renders phrases of <see cref="PhraseCatalogue"/>: picks a wording by a stable hash, fills {variables}.</summary>
internal static partial class Phrasebook
{
    public static string Render(string key, string seed, IReadOnlyDictionary<string, string?> variables)
    {
        if (!PhraseCatalogue.Templates.TryGetValue(key, out var wordings))
        {
            throw new KeyNotFoundException($"No phrase '{key}'.");
        }

        var template = wordings[(int)(StableHash.Of(seed + "|" + key) % (uint)wordings.Length)];
        return Variable().Replace(template, m => variables.TryGetValue(m.Groups[1].Value, out var value) ? value ?? string.Empty : string.Empty);
    }

    [GeneratedRegex(@"\{([a-z_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}

/// <summary>FNV-1a: the same text gives the same number on every machine and run (string.GetHashCode does not).</summary>
internal static class StableHash
{
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
