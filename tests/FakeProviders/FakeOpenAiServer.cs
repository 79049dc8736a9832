using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreatorOS.FakeProviders;

/// <summary>
/// A real HTTP server on loopback speaking OpenAI's chat-completions wire format: JSON answers,
/// server-sent-event streams with content and <c>tool_calls</c> deltas, a usage chunk and
/// <c>[DONE]</c>, and HTTP errors with Retry-After. Answers come from a queue of
/// <see cref="FakeStep"/>s, then from <see cref="Responder"/>. Also answers <c>/v1/moderations</c>
/// (flagging texts that contain <see cref="FlagWord"/>).
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeStep> _script = new();
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private int _sequence;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    /// <summary>Root of the API, e.g. http://127.0.0.1:41234/v1 (what Ai:BaseUrl is set to).</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Answers requests when the script is empty; by default a short sentence.</summary>
    public Func<FakeRequest, FakeStep> Responder { get; set; } = _ => FakeStep.Say("Sounds good!");

    /// <summary>Moderation flags any input containing this word.</summary>
    public string FlagWord { get; set; } = "forbidden-word";

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    /// <summary>Called with <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when a chat request arrives, before its body is read (benchmarks).</summary>
    public Action<long>? Arrived { get; set; }

    public int ChatRequests => _requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.ChatAsync);
        app.MapPost("/v1/moderations", server.ModerateAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    public void Enqueue(params FakeStep[] steps)
    {
        foreach (var step in steps)
        {
            _script.Enqueue(step);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ChatAsync(HttpContext http)
    {
        Arrived?.Invoke(System.Diagnostics.Stopwatch.GetTimestamp());
        var request = await ReadAsync(http);
        _requests.Enqueue(request);
        var step = _script.TryDequeue(out var scripted) ? scripted : Responder(request);
        if (step.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(step.Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var id = "chatcmpl-fake" + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
        var promptTokens = Math.Max(1, request.Body.GetRawText().Length / 4);
        switch (step)
        {
            case FakeFailure failure:
                await FailAsync(http, failure);
                return;
            case FakeText text when request.Stream:
                await StreamTextAsync(http, id, request.Model, text.Text, promptTokens);
                return;
            case FakeToolCalls calls when request.Stream:
                await StreamCallsAsync(http, id, request.Model, calls.Calls, promptTokens);
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
            message["content"] = null;
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

    private static async Task StreamTextAsync(HttpContext http, string id, string model, string text, int promptTokens)
    {
        StartStream(http);
        await ChunkAsync(http, id, model, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null);
        foreach (var piece in Pieces(text, 8))
        {
            await ChunkAsync(http, id, model, new JsonObject { ["content"] = piece }, null);
        }

        await ChunkAsync(http, id, model, new JsonObject(), "stop");
        await EndAsync(http, id, model, promptTokens, Math.Max(1, text.Length / 4));
    }

    private static async Task StreamCallsAsync(HttpContext http, string id, string model, IReadOnlyList<FakeToolCall> calls, int promptTokens)
    {
        StartStream(http);
        await ChunkAsync(http, id, model, new JsonObject { ["role"] = "assistant", ["content"] = null }, null);
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

    private static void StartStream(HttpContext http)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
    }

    private static Task ChunkAsync(HttpContext http, string id, string model, JsonObject delta, string? finish) =>
        WriteEventAsync(http, new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        }.ToJsonString());

    private static async Task EndAsync(HttpContext http, string id, string model, int promptTokens, int completionTokens)
    {
        await WriteEventAsync(http, new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(),
            ["usage"] = Usage(promptTokens, completionTokens),
        }.ToJsonString());
        await WriteEventAsync(http, "[DONE]");
    }

    private static async Task WriteEventAsync(HttpContext http, string data)
    {
        await http.Response.WriteAsync("data: " + data + "\n\n", Encoding.UTF8);
        await http.Response.Body.FlushAsync();
    }

    private static JsonObject Usage(int prompt, int completion) => new() { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion };

    private static IEnumerable<string> Pieces(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }

    private async Task ModerateAsync(HttpContext http)
    {
        var request = await ReadAsync(http);
        _requests.Enqueue(request);
        var inputs = request.Body.GetProperty("input") is { ValueKind: JsonValueKind.Array } array
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

    private static async Task<FakeRequest> ReadAsync(HttpContext http)
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
            body);
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
