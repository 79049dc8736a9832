using System.Text.Json;

namespace CreatorOS.FakeProviders;

/// <summary>
/// Reads the <c>messages</c> of a Messages API request: checks the rules the real API enforces and
/// flattens the content blocks into <see cref="FakeMessage"/>s (a <c>tool_result</c> block becomes a
/// "tool" message), so scripted answers read an Anthropic request like an OpenAI one.
/// </summary>
internal static class AnthropicConversation
{
    /// <summary>Why the real API would refuse this conversation, or null.</summary>
    public static string? Problem(JsonElement body)
    {
        if (!body.TryGetProperty("model", out _) || !body.TryGetProperty("max_tokens", out _) || !body.TryGetProperty("messages", out var messages))
        {
            return "model, max_tokens and messages are required";
        }

        var expected = "user";
        var toolUses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages.EnumerateArray())
        {
            var role = message.GetProperty("role").GetString();
            if (role != expected)
            {
                return $"messages must alternate user and assistant, starting with user; found {role} where {expected} was expected";
            }

            foreach (var block in Blocks(message))
            {
                var type = block.GetProperty("type").GetString();
                if (type == "tool_use")
                {
                    toolUses.Add(block.GetProperty("id").GetString() ?? string.Empty);
                }
                else if (type == "tool_result" && !toolUses.Contains(block.GetProperty("tool_use_id").GetString() ?? string.Empty))
                {
                    return "tool_result block without a matching tool_use block in the previous assistant message";
                }
                else if (type == "text" && string.IsNullOrEmpty(block.GetProperty("text").GetString()))
                {
                    return "text content blocks must be non-empty";
                }
            }

            expected = role == "user" ? "assistant" : "user";
        }

        return null;
    }

    public static List<FakeMessage> Messages(string system, JsonElement messages)
    {
        var flat = new List<FakeMessage>();
        if (system.Length > 0)
        {
            flat.Add(new FakeMessage("system", system));
        }

        foreach (var message in messages.EnumerateArray())
        {
            var role = message.GetProperty("role").GetString() ?? string.Empty;
            var text = string.Concat(Blocks(message).Where(b => b.GetProperty("type").GetString() == "text").Select(b => b.GetProperty("text").GetString()));
            if (text.Length > 0 || role == "assistant")
            {
                flat.Add(new FakeMessage(role, text));
            }

            flat.AddRange(Blocks(message).Where(b => b.GetProperty("type").GetString() == "tool_result").Select(b => new FakeMessage("tool", ResultText(b))));
        }

        return flat;
    }

    private static List<JsonElement> Blocks(JsonElement message)
    {
        var content = message.GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? [JsonSerializer.SerializeToElement(new { type = "text", text = content.GetString() })]
            : [.. content.EnumerateArray()];
    }

    private static string ResultText(JsonElement block)
    {
        if (!block.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        return content.ValueKind == JsonValueKind.String
            ? content.GetString() ?? string.Empty
            : string.Concat(content.EnumerateArray().Select(b => b.TryGetProperty("text", out var t) ? t.GetString() : null));
    }
}
