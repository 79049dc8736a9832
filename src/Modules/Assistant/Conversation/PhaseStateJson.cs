using System.Text.Json;

namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>Reads and writes <see cref="PhaseState"/> as the phase_data JSON column.</summary>
internal static class PhaseStateJson
{
    private sealed record Stored(List<string> Skipped, Dictionary<string, string> Facts);

    public static PhaseState Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return PhaseState.Empty;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(json, Json);
            var skipped = (stored?.Skipped ?? []).Select(OnboardingPhases.FromWireName).OfType<OnboardingPhase>().ToHashSet();
            return new PhaseState(skipped, stored?.Facts ?? []);
        }
        catch (JsonException)
        {
            // A damaged column must not lock the coach out; the store still holds every real fact.
            return PhaseState.Empty;
        }
    }

    public static string Write(PhaseState state) =>
        JsonSerializer.Serialize(new Stored([.. state.Skipped.Select(p => p.WireName())], new Dictionary<string, string>(state.Facts)), Json);

    public static PhaseState Skip(this PhaseState state, OnboardingPhase phase) =>
        state with { Skipped = new HashSet<OnboardingPhase>(state.Skipped) { phase } };

    public static PhaseState Remember(this PhaseState state, IReadOnlyDictionary<string, string?> facts)
    {
        var merged = new Dictionary<string, string>(state.Facts);
        foreach (var (key, value) in facts)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        return state with { Facts = merged };
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
