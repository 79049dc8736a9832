using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CreatorOS.FakeProviders;

/// <summary>
/// A loopback server speaking OpenAI's chat-completions wire format: JSON answers,
/// server-sent-event streams with content and <c>tool_calls</c> deltas, a usage chunk and
/// <c>[DONE]</c>, and HTTP errors with Retry-After. Answers come from a queue of
/// <see cref="FakeStep"/>s, then from <see cref="FakeModelServer.Responder"/>. Also answers <c>/v1/moderations</c>
/// (flagging texts that contain <see cref="FlagWord"/>).
/// </summary>
public sealed class FakeOpenAiServer : FakeModelServer
{
    private FakeOpenAiServer()
    {
    }

    public override string Provider => "openai";

    /// <summary>Moderation flags any input containing this word.</summary>
    public string FlagWord { get; set; } = "forbidden-word";

    protected override string ChatPath => "/v1/chat/completions";

    /// <summary>Starts the server; <see cref="FakeModelServer.BaseUrl"/> is e.g. http://127.0.0.1:41234/v1.</summary>
    public static Task<FakeOpenAiServer> StartAsync() => StartAsync(new FakeOpenAiServer(), "/v1");

    protected override void Map(WebApplication app) => app.MapPost("/v1/moderations", ModerateAsync);

    protected override async Task AnswerAsync(HttpContext http, FakeRequest request, FakeStep step, string id)
    {
        id = "chatcmpl-" + id;
        var promptTokens = Math.Max(1, request.Body.GetRawText().Length / 4);
        switch (step)
        {
            case FakeFailure failure:
                await FailAsync(http, failure);
                return;
            case FakeText text when request.Stream:
                await StreamTextAsync(http, id, request.Model, text.Text, promptTokens, step.PieceDelay);
                return;
            case FakeStreamFailure broken:
                await StreamThenBreakAsync(http, id, request.Model, broken, step.PieceDelay);
                return;
            case FakeToolCalls calls when request.Stream:
                await StreamCallsAsync(http, id, request.Model, calls, promptTokens, step.PieceDelay);
                return;
            default:
                await http.Response.WriteAsJsonAsync(Completion(id, request.Model, step, promptTokens));
                return;
        }
    }

    private static async Task FailAsync(HttpContext http, FakeFailure failure)
    {
        http.Response.StatusCode = failure.Status;
        if (failure.RetryAfter is not null)
        {
            http.Response.Headers.RetryAfter = failure.RetryAfter;
        }

        var type = failure.Status == 429 ? "rate_limit_exceeded" : "server_error";
        await http.Response.WriteAsJsonAsync(new { error = new { message = $"Fake provider error {failure.Status}", type, code = type } });
    }

    private static JsonObject Completion(string id, string model, FakeStep step, int promptTokens)
    {
        var message = new JsonObject { ["role"] = "assistant" };
        var completionTokens = 1;
        if (step is FakeText text)
        {
            message["content"] = text.Text;
            completionTokens = Math.Max(1, text.Text.Length / 4);
        }
        else if (step is FakeToolCalls calls)
        {
            message["content"] = calls.TextBefore.Length > 0 ? calls.TextBefore : null;
            message["tool_calls"] = new JsonArray([.. calls.Calls.Select((c, i) => (JsonNode)new JsonObject
            {
                ["id"] = $"call_{id}_{i}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.ArgumentsJson },
            })]);
            completionTokens = Math.Max(1, calls.Calls.Sum(c => c.ArgumentsJson.Length) / 4);
        }

        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = step is FakeToolCalls ? "tool_calls" : "stop" }),
            ["usage"] = Usage(promptTokens, completionTokens),
        };
    }

    private static async Task StreamTextAsync(HttpContext http, string id, string model, string text, int promptTokens, TimeSpan pieceDelay)
    {
        StartStream(http);
        await StreamPiecesAsync(http, id, model, text, pieceDelay);
        await ChunkAsync(http, id, model, new JsonObject(), "stop");
        await EndAsync(http, id, model, promptTokens, Math.Max(1, text.Length / 4));
    }

    /// <summary>
    /// A server failing mid-answer (OpenAI, vLLM and proxies do this): some text, then an error object in
    /// the stream, and the end of the response without a finish reason or <c>[DONE]</c>.
    /// </summary>
    private static async Task StreamThenBreakAsync(HttpContext http, string id, string model, FakeStreamFailure broken, TimeSpan pieceDelay)
    {
        StartStream(http);
        await StreamPiecesAsync(http, id, model, broken.TextBefore, pieceDelay);
        await WriteEventAsync(http, null, new JsonObject { ["error"] = new JsonObject { ["message"] = "The server had an error while processing your request.", ["type"] = broken.ErrorType } }.ToJsonString());
    }

    private static async Task StreamPiecesAsync(HttpContext http, string id, string model, string text, TimeSpan pieceDelay)
    {
        await ChunkAsync(http, id, model, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null);
        foreach (var piece in Pieces(text, 8))
        {
            await ChunkAsync(http, id, model, new JsonObject { ["content"] = piece }, null);
            if (pieceDelay > TimeSpan.Zero)
            {
                await Task.Delay(pieceDelay, http.RequestAborted);
            }
        }
    }

    private static async Task StreamCallsAsync(HttpContext http, string id, string model, FakeToolCalls step, int promptTokens, TimeSpan pieceDelay)
    {
        var calls = step.Calls;
        StartStream(http);
        if (step.TextBefore.Length > 0)
        {
            await StreamPiecesAsync(http, id, model, step.TextBefore, pieceDelay);
        }
        else
        {
            await ChunkAsync(http, id, model, new JsonObject { ["role"] = "assistant", ["content"] = null }, null);
        }

        for (var i = 0; i < calls.Count; i++)
        {
            var head = new JsonObject { ["index"] = i, ["id"] = $"call_{id}_{i}", ["type"] = "function", ["function"] = new JsonObject { ["name"] = calls[i].Name, ["arguments"] = string.Empty } };
            await ChunkAsync(http, id, model, new JsonObject { ["tool_calls"] = new JsonArray(head) }, null);
            foreach (var piece in Pieces(calls[i].ArgumentsJson, 7))
            {
                var part = new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = piece } };
                await ChunkAsync(http, id, model, new JsonObject { ["tool_calls"] = new JsonArray(part) }, null);
            }
        }

        await ChunkAsync(http, id, model, new JsonObject(), "tool_calls");
        await EndAsync(http, id, model, promptTokens, Math.Max(1, calls.Sum(c => c.ArgumentsJson.Length) / 4));
    }

    private static Task ChunkAsync(HttpContext http, string id, string model, JsonObject delta, string? finish) =>
        WriteEventAsync(http, null, new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        }.ToJsonString());

    private static async Task EndAsync(HttpContext http, string id, string model, int promptTokens, int completionTokens)
    {
        await WriteEventAsync(http, null, new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(),
            ["usage"] = Usage(promptTokens, completionTokens),
        }.ToJsonString());
        await WriteEventAsync(http, null, "[DONE]");
    }

    private static JsonObject Usage(int prompt, int completion) => new() { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion };

    private async Task ModerateAsync(HttpContext http)
    {
        var request = await ReadAsync(http);
        Record(request!);
        var inputs = request!.Body.GetProperty("input") is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Select(e => e.GetString() ?? string.Empty)]
            : new[] { request.Body.GetProperty("input").GetString() ?? string.Empty };
        var results = new JsonArray([.. inputs.Select(input =>
        {
            var flagged = input.Contains(FlagWord, StringComparison.OrdinalIgnoreCase);
            return (JsonNode)new JsonObject
            {
                ["flagged"] = flagged,
                ["categories"] = new JsonObject { ["hate"] = false, ["sexual"] = false, ["violence"] = flagged, ["self-harm"] = false, ["harassment"] = false },
                ["category_scores"] = new JsonObject { ["hate"] = 0.0, ["sexual"] = 0.0, ["violence"] = flagged ? 0.98 : 0.01, ["self-harm"] = 0.0, ["harassment"] = 0.0 },
            };
        })]);
        await http.Response.WriteAsJsonAsync(new JsonObject { ["id"] = "modr-fake", ["model"] = "omni-moderation-latest", ["results"] = results });
    }

    protected override async Task<FakeRequest?> ReadAsync(HttpContext http)
    {
        using var json = await JsonDocument.ParseAsync(http.Request.Body);
        var body = json.RootElement.Clone();
        var messages = body.TryGetProperty("messages", out var list)
            ? list.EnumerateArray().Select(m => new FakeMessage(m.GetProperty("role").GetString() ?? string.Empty, ContentOf(m))).ToList()
            : [];
        var tools = body.TryGetProperty("tools", out var declared)
            ? declared.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString() ?? string.Empty).ToList()
            : [];
        return new FakeRequest(
            http.Request.Path.Value ?? string.Empty,
            body.TryGetProperty("model", out var model) ? model.GetString() ?? string.Empty : string.Empty,
            body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True,
            messages,
            tools,
            body)
        {
            WantsJson = body.TryGetProperty("response_format", out var format) && format.GetProperty("type").GetString() == "json_object",
        };
    }

    private static string ContentOf(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString() ?? string.Empty,
            JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : null)),
            _ => string.Empty,
        };
    }
}
