using System.Text.Json;
using Microsoft.Extensions.AI;

namespace CreatorOS.AgentRuntime.Providers;

/// <summary>
/// Tool calls and results as every provider's wire format carries them: arguments as JSON text going
/// out, untrusted JSON text coming back. Shared by the adapters so a garbled call is handled the same
/// whichever model sent it.
/// </summary>
internal static class ToolWire
{
    /// <summary>Relaxed escaping: the text goes to a model, not into HTML, and "£" costs fewer tokens than "\u00A3".</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// A model's arguments are untrusted text: malformed JSON becomes a call with no arguments and the
    /// parse error in <see cref="FunctionCallContent.Exception"/>, so the executor refuses it politely.
    /// </summary>
    public static FunctionCallContent Call(string? callId, string? name, string? argumentsJson)
    {
        try
        {
            var arguments = string.IsNullOrWhiteSpace(argumentsJson)
                ? new Dictionary<string, object?>(StringComparer.Ordinal)
                : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(argumentsJson)?.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal)
                    ?? new Dictionary<string, object?>(StringComparer.Ordinal);
            return new FunctionCallContent(callId ?? string.Empty, name ?? string.Empty, arguments);
        }
        catch (JsonException exception)
        {
            return new FunctionCallContent(callId ?? string.Empty, name ?? string.Empty, new Dictionary<string, object?>(StringComparer.Ordinal))
            {
                Exception = new InvalidDataException("The tool arguments were not a JSON object.", exception),
            };
        }
    }

    public static string ArgumentsJson(FunctionCallContent call) =>
        JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), Json);

    public static string ResultText(FunctionResultContent result) =>
        result.Result switch
        {
            null => result.Exception is null ? "{}" : JsonSerializer.Serialize(new { ok = false, problem = "The tool failed." }, Json),
            string text => text,
            var value => JsonSerializer.Serialize(value, value.GetType(), Json),
        };
}
