using System.Text.Json;
using System.Text.Json.Nodes;

namespace CreatorOS.FakeProviders;

/// <summary>A scripted answer in the Messages API's shapes: one JSON message, or the events of a stream.</summary>
internal static class AnthropicEvents
{
    /// <summary>Like the real API, an alias is answered with a dated snapshot name (claude-haiku-4-5 → claude-haiku-4-5-20251001).</summary>
    public static string Snapshot(string model) => model.StartsWith("claude-", StringComparison.Ordinal) && !model.EndsWith("1001", StringComparison.Ordinal) ? model + "-20251001" : model;

    public static string ErrorType(int status) => status switch
    {
        429 => "rate_limit_error",
        529 => "overloaded_error",
        401 => "authentication_error",
        >= 500 => "api_error",
        _ => "invalid_request_error",
    };

    public static JsonObject Message(string id, string model, FakeStep step, int inputTokens)
    {
        var content = new JsonArray();
        if (step is FakeText text)
        {
            content.Add(new JsonObject { ["type"] = "text", ["text"] = text.Text });
        }
        else if (step is FakeToolCalls calls)
        {
            if (calls.TextBefore.Length > 0)
            {
                content.Add(new JsonObject { ["type"] = "text", ["text"] = calls.TextBefore });
            }

            for (var i = 0; i < calls.Calls.Count; i++)
            {
                content.Add(new JsonObject { ["type"] = "tool_use", ["id"] = ToolUseId(id, i), ["name"] = calls.Calls[i].Name, ["input"] = Input(calls.Calls[i].ArgumentsJson) });
            }
        }

        return new JsonObject
        {
            ["id"] = id,
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = model,
            ["content"] = content,
            ["stop_reason"] = StopReason(step),
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = OutputTokens(step) },
        };
    }

    /// <summary>The events of a streamed answer, in order, as (event name, data).</summary>
    public static IEnumerable<(string Name, JsonObject Data)> Stream(string id, string model, FakeStep step, int inputTokens)
    {
        var start = Message(id, model, step, inputTokens);
        start["content"] = new JsonArray();
        start["stop_reason"] = null;
        start["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = 1 };
        yield return ("message_start", new JsonObject { ["type"] = "message_start", ["message"] = start });
        yield return ("ping", new JsonObject { ["type"] = "ping" });
        if (step is FakeText text)
        {
            foreach (var item in Block(0, new JsonObject { ["type"] = "text", ["text"] = string.Empty }, FakeModelServer.Pieces(text.Text, 8).Select(p => new JsonObject { ["type"] = "text_delta", ["text"] = p })))
            {
                yield return item;
            }
        }
        else if (step is FakeToolCalls calls)
        {
            // Text before the calls is content block 0, as Claude sends it; the calls follow.
            var first = 0;
            if (calls.TextBefore.Length > 0)
            {
                foreach (var item in Block(0, new JsonObject { ["type"] = "text", ["text"] = string.Empty }, FakeModelServer.Pieces(calls.TextBefore, 8).Select(p => new JsonObject { ["type"] = "text_delta", ["text"] = p })))
                {
                    yield return item;
                }

                first = 1;
            }

            for (var i = 0; i < calls.Calls.Count; i++)
            {
                var head = new JsonObject { ["type"] = "tool_use", ["id"] = ToolUseId(id, i), ["name"] = calls.Calls[i].Name, ["input"] = new JsonObject() };
                foreach (var item in Block(first + i, head, FakeModelServer.Pieces(calls.Calls[i].ArgumentsJson, 7).Select(p => new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = p })))
                {
                    yield return item;
                }
            }
        }

        yield return ("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = StopReason(step), ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = OutputTokens(step) },
        });
        yield return ("message_stop", new JsonObject { ["type"] = "message_stop" });
    }

    private static IEnumerable<(string, JsonObject)> Block(int index, JsonObject head, IEnumerable<JsonObject> deltas)
    {
        yield return ("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = index, ["content_block"] = head });
        foreach (var delta in deltas)
        {
            yield return ("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = delta });
        }

        yield return ("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = index });
    }

    private static string ToolUseId(string messageId, int index) => $"toolu_{messageId}_{index}";

    private static string StopReason(FakeStep step) => step is FakeToolCalls ? "tool_use" : "end_turn";

    private static int OutputTokens(FakeStep step) => step switch
    {
        FakeText text => Math.Max(1, text.Text.Length / 4),
        FakeToolCalls calls => Math.Max(1, calls.Calls.Sum(c => c.ArgumentsJson.Length) / 4),
        _ => 1,
    };

    /// <summary>A non-streamed answer always carries parsed input; garbled arguments can only happen in a stream.</summary>
    private static JsonNode Input(string argumentsJson)
    {
        try
        {
            return JsonNode.Parse(argumentsJson) as JsonObject ?? new JsonObject();
        }
        catch (JsonException)
        {
            return new JsonObject();
        }
    }
}
