using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace CreatorOS.AgentRuntime.Providers;

/// <summary>
/// Maps Microsoft.Extensions.AI messages and options to the body of a Messages API request. The body is
/// written as JSON (the wire format Anthropic documents) and handed to the SDK, which sends it and reads
/// the answer: the SDK's typed request builders cover hundreds of server tools we never use.
/// </summary>
internal static class AnthropicMessages
{
    /// <summary>
    /// The Messages API has no schema-less JSON mode, so a JSON answer is asked for in the system prompt;
    /// callers validate the JSON anyway (the blog writer falls back to its offline post).
    /// </summary>
    public const string JsonInstruction = "Answer with one JSON object only: no prose before or after it, no code fences.";

    /// <summary>Claude accepts 0 to 1; the OpenAI-style setting may go up to 2.</summary>
    private const float MaxTemperature = 1f;

    public static Dictionary<string, JsonElement> Body(IEnumerable<ChatMessage> messages, ChatOptions? options, AgentRuntimeOptions defaults, string model)
    {
        var history = messages.ToList();
        var system = string.Join("\n\n", history.Where(m => m.Role == ChatRole.System).Select(m => m.Text).Where(t => t.Length > 0));
        if (options?.ResponseFormat is ChatResponseFormatJson)
        {
            system = system.Length == 0 ? JsonInstruction : system + "\n\n" + JsonInstruction;
        }

        var body = new JsonObject
        {
            ["model"] = model,
            ["max_tokens"] = options?.MaxOutputTokens ?? defaults.MaxTokens,
            ["temperature"] = Math.Clamp(options?.Temperature ?? defaults.Temperature, 0f, MaxTemperature),
            ["messages"] = Turns(history.Where(m => m.Role != ChatRole.System)),
        };
        if (system.Length > 0)
        {
            body["system"] = system;
        }

        var tools = (options?.Tools ?? []).OfType<AIFunctionDeclaration>().ToList();
        if (tools.Count > 0 && options?.ToolMode is not NoneChatToolMode)
        {
            body["tools"] = new JsonArray([.. tools.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name,
                ["description"] = t.Description,
                ["input_schema"] = JsonNode.Parse(t.JsonSchema.GetRawText()),
            })]);
            body["tool_choice"] = new JsonObject
            {
                ["type"] = options?.ToolMode is RequiredChatToolMode ? "any" : "auto",
                ["disable_parallel_tool_use"] = options?.AllowMultipleToolCalls is false,
            };
        }

        return body.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value), StringComparer.Ordinal);
    }

    public static ChatFinishReason? ToFinishReason(string? stopReason) => stopReason switch
    {
        "end_turn" or "stop_sequence" or "pause_turn" => ChatFinishReason.Stop,
        "max_tokens" or "model_context_window_exceeded" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        "refusal" => ChatFinishReason.ContentFilter,
        _ => null,
    };

    /// <summary>
    /// The conversation as alternating user/assistant turns of content blocks: tool results travel as
    /// <c>tool_result</c> blocks in a user turn, neighbouring messages of one role become one turn, and a
    /// history that starts with the assistant (a greeting that never called a model) gets a user turn first.
    /// </summary>
    private static JsonArray Turns(IEnumerable<ChatMessage> messages)
    {
        var turns = new List<(string Role, JsonArray Blocks)>();
        foreach (var message in messages)
        {
            var role = message.Role == ChatRole.Assistant ? "assistant" : "user";
            var blocks = Blocks(message);
            if (blocks.Count == 0)
            {
                continue;
            }

            if (turns.Count > 0 && turns[^1].Role == role)
            {
                foreach (var block in blocks.ToList())
                {
                    blocks.Remove(block);
                    turns[^1].Blocks.Add(block);
                }
            }
            else
            {
                turns.Add((role, blocks));
            }
        }

        if (turns.Count > 0 && turns[0].Role == "assistant")
        {
            turns.Insert(0, ("user", [Text("(The conversation so far.)")]));
        }

        return new JsonArray([.. turns.Select(t => (JsonNode)new JsonObject { ["role"] = t.Role, ["content"] = t.Blocks })]);
    }

    private static JsonArray Blocks(ChatMessage message)
    {
        var blocks = new JsonArray();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent { Text.Length: > 0 } text:
                    blocks.Add(Text(text.Text));
                    break;
                case FunctionCallContent call when message.Role == ChatRole.Assistant:
                    blocks.Add(new JsonObject
                    {
                        ["type"] = "tool_use",
                        ["id"] = call.CallId,
                        ["name"] = call.Name,
                        ["input"] = JsonNode.Parse(ToolWire.ArgumentsJson(call)),
                    });
                    break;
                case FunctionResultContent result:
                    var block = new JsonObject { ["type"] = "tool_result", ["tool_use_id"] = result.CallId, ["content"] = ToolWire.ResultText(result) };
                    if (result.Exception is not null)
                    {
                        block["is_error"] = true;
                    }

                    blocks.Add(block);
                    break;
            }
        }

        return blocks;
    }

    private static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };
}
