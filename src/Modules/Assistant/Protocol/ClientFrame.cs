using System.Text.Json;
using CreatorOS.Modules.Assistant.Brain;

namespace CreatorOS.Modules.Assistant.Protocol;

/// <summary>A client frame that passed validation (PROTOCOL.md). Anything else is a <see cref="FrameError"/>.</summary>
internal sealed record ClientFrame(string Type, string? MessageId, string? Text = null, AveryButton? Button = null, string? Url = null, string? Platform = null, bool Ok = false);

internal sealed record FrameError(string Code, string Message);

internal static class ClientFrames
{
    public const string CoachMessage = "coach_message";
    public const string ButtonClick = "button_click";
    public const string TypingStart = "typing_start";
    public const string TypingStop = "typing_stop";
    public const string PhotoUploaded = "photo_uploaded";
    public const string OauthComplete = "oauth_complete";
    public const string Ping = "ping";

    public const int MaxTextLength = TurnInputLimits.MaxTextLength;

    private static readonly string[] Platforms = ["instagram", "tiktok", "youtube"];

    /// <summary>Parses and validates one text frame; never throws on bad input.</summary>
    public static (ClientFrame? Frame, FrameError? Error) Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                return Fail("malformed", "A frame is a JSON object with a string 'type'.");
            }

            var messageId = root.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            if (messageId is { Length: > 64 })
            {
                return Fail("malformed", "'messageId' is at most 64 characters.");
            }

            var payload = root.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var type = typeElement.GetString()!;
            return type switch
            {
                CoachMessage => CoachText(payload, messageId),
                ButtonClick => Button(payload, messageId),
                PhotoUploaded => Photo(payload, messageId),
                OauthComplete => Oauth(payload, messageId),
                TypingStart or TypingStop or Ping => (new ClientFrame(type, messageId), null),
                _ => Fail("unknown_type", $"Unknown frame type '{Truncate(type)}'."),
            };
        }
        catch (JsonException)
        {
            return Fail("malformed", "That frame is not valid JSON.");
        }
    }

    private static (ClientFrame?, FrameError?) CoachText(JsonElement payload, string? messageId)
    {
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            return Fail("malformed", "coach_message needs payload.text (a string).");
        }

        var value = text.GetString()!;
        return value.Length > MaxTextLength
            ? Fail("too_long", $"Messages are at most {MaxTextLength} characters.")
            : (new ClientFrame(CoachMessage, messageId, Text: value), null);
    }

    private static (ClientFrame?, FrameError?) Button(JsonElement payload, string? messageId)
    {
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("button", out var button) || button.ValueKind != JsonValueKind.Object)
        {
            return Fail("malformed", "button_click needs payload.button.");
        }

        var label = StringOf(button, "label", 200);
        var action = StringOf(button, "action", 64);
        var value = StringOf(button, "value", 2000);
        var variant = StringOf(button, "variant", 20) ?? "secondary";
        return string.IsNullOrWhiteSpace(label) || string.IsNullOrWhiteSpace(action)
            ? Fail("malformed", "A button needs a 'label' and an 'action' (short strings).")
            : (new ClientFrame(ButtonClick, messageId, Text: label, Button: new AveryButton(label, action, value, variant)), null);
    }

    private static (ClientFrame?, FrameError?) Photo(JsonElement payload, string? messageId)
    {
        var url = payload.ValueKind == JsonValueKind.Object ? StringOf(payload, "url", 500) : null;
        return string.IsNullOrWhiteSpace(url)
            ? Fail("malformed", "photo_uploaded needs payload.url from the upload endpoint.")
            : (new ClientFrame(PhotoUploaded, messageId, Url: url), null);
    }

    private static (ClientFrame?, FrameError?) Oauth(JsonElement payload, string? messageId)
    {
        var platform = payload.ValueKind == JsonValueKind.Object ? StringOf(payload, "platform", 20) : null;
        var ok = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("ok", out var okElement) && okElement.ValueKind == JsonValueKind.True;
        return platform is null || !Platforms.Contains(platform)
            ? Fail("malformed", "oauth_complete needs payload.platform (instagram, tiktok or youtube) and payload.ok.")
            : (new ClientFrame(OauthComplete, messageId, Platform: platform, Ok: ok), null);
    }

    private static string? StringOf(JsonElement element, string name, int maxLength) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length <= maxLength ? value.GetString() : null;

    private static (ClientFrame?, FrameError?) Fail(string code, string message) => (null, new FrameError(code, message));

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40];
}

internal static class TurnInputLimits
{
    /// <summary>Longest coach message accepted (the frame limit is 16 KB).</summary>
    public const int MaxTextLength = 4000;
}
