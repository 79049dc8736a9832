using System.Text.Json;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>
/// The values a nudge was scheduled with (a subscriber's name, the milestone reached), stored as a
/// JSON object beside the template rather than written into it: a value is filled in once, as
/// given, so a name like "Sam {the coach}" is never read as a placeholder.
/// </summary>
internal static class NudgeValues
{
    public static string? Write(IReadOnlyDictionary<string, string>? values) =>
        values is null || values.Count == 0 ? null : JsonSerializer.Serialize(values);

    /// <summary>The stored values; false when the column holds something that is not a JSON object of strings.</summary>
    public static bool TryRead(string? json, out IReadOnlyDictionary<string, string>? values)
    {
        values = null;
        if (string.IsNullOrEmpty(json))
        {
            return true;
        }

        try
        {
            values = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
            return values is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
