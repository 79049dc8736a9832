using System.Text.Json;

namespace CreatorOS.Bench.AveryLoad.Driver;

/// <summary>The parts of a server frame (PROTOCOL.md) the benchmark looks at.</summary>
internal readonly record struct ServerFrame(string Type, string? ReplyTo, bool? IsTyping, string? Name, bool? Ok, string? Code, string? Content)
{
    public static ServerFrame Parse(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
        var replyTo = root.TryGetProperty("replyTo", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        bool? isTyping = null;
        bool? ok = null;
        string? name = null;
        string? code = null;
        string? content = null;
        if (root.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object)
        {
            isTyping = payload.TryGetProperty("isTyping", out var typing) && typing.ValueKind is JsonValueKind.True or JsonValueKind.False ? typing.GetBoolean() : null;
            ok = payload.TryGetProperty("ok", out var o) && o.ValueKind is JsonValueKind.True or JsonValueKind.False ? o.GetBoolean() : null;
            name = payload.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            code = payload.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            content = payload.TryGetProperty("content", out var t2) && t2.ValueKind == JsonValueKind.String ? t2.GetString()
                : payload.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }

        return new ServerFrame(type, replyTo, isTyping, name, ok, code, content);
    }
}
