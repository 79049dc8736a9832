using System.Text.Json;
using System.Text.Json.Serialization;
using CreatorOS.Contracts.Assistant;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>The buttons stored with a nudge (JSON array).</summary>
internal static class NudgeButtons
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Write(IReadOnlyList<AveryButtonView> buttons) => JsonSerializer.Serialize(buttons, Json);

    public static List<AveryButtonView> Read(string json) => JsonSerializer.Deserialize<List<AveryButtonView>>(json, Json) ?? [];

    /// <summary>The buttons as sent: each tells the widget where the coach's answer is recorded.</summary>
    public static List<AveryButtonView> ForDelivery(Guid nudgeId, string json) =>
        [.. Read(json).Select(b => b with { AnswerPath = NudgeEndpoints.RespondPath(nudgeId) })];
}
