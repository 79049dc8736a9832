using System.Text.Json;
using CreatorOS.Contracts.Assistant;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>The buttons stored with a nudge (JSON array).</summary>
internal static class NudgeButtons
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(IReadOnlyList<AveryButtonView> buttons) => JsonSerializer.Serialize(buttons, Json);

    public static List<AveryButtonView> Read(string json) => JsonSerializer.Deserialize<List<AveryButtonView>>(json, Json) ?? [];
}
