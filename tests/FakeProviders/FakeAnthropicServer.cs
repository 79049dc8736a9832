using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CreatorOS.FakeProviders;

/// <summary>
/// A loopback server speaking Anthropic's Messages API: <c>POST /v1/messages</c> with a key and
/// <c>anthropic-version</c> required (the key as <c>x-api-key</c>, or as <c>Authorization: Bearer</c>, which
/// the official SDK 13.x sends), JSON answers, and event streams (<c>message_start</c>,
/// <c>content_block_start/delta/stop</c> with <c>text_delta</c> and <c>input_json_delta</c>,
/// <c>message_delta</c> with stop reason and usage, <c>message_stop</c>). Errors come as Anthropic's error
/// body: 429 rate_limit_error (with retry-after), 529 overloaded_error, 500 api_error. Like the real API
/// it refuses a conversation that does not alternate user and assistant turns or a tool result without its
/// tool use, so an adapter that gets the shape wrong fails its tests.
/// </summary>
public sealed class FakeAnthropicServer : FakeModelServer
{
    private FakeAnthropicServer()
    {
    }

    public override string Provider => "anthropic";

    /// <summary>The anthropic-version header of the last request.</summary>
    public string? LastVersion { get; private set; }

    /// <summary>The key of the last request, from x-api-key or Authorization: Bearer.</summary>
    public string? LastApiKey { get; private set; }

    protected override string ChatPath => "/v1/messages";

    /// <summary>Starts the server; <see cref="FakeModelServer.BaseUrl"/> is its root (the SDK adds /v1/messages).</summary>
    public static Task<FakeAnthropicServer> StartAsync() => StartAsync(new FakeAnthropicServer(), string.Empty);

    protected override async Task<FakeRequest?> ReadAsync(HttpContext http)
    {
        var bearer = http.Request.Headers.Authorization.FirstOrDefault();
        LastApiKey = http.Request.Headers["x-api-key"].FirstOrDefault()
            ?? (bearer is not null && bearer.StartsWith("Bearer ", StringComparison.Ordinal) ? bearer["Bearer ".Length..] : null);
        LastVersion = http.Request.Headers["anthropic-version"].FirstOrDefault();
        if (string.IsNullOrEmpty(LastApiKey))
        {
            await ErrorAsync(http, 401, "authentication_error", "an x-api-key or Authorization: Bearer header is required");
            return null;
        }

        if (string.IsNullOrEmpty(LastVersion))
        {
            await ErrorAsync(http, 400, "invalid_request_error", "anthropic-version header is required");
            return null;
        }

        using var json = await JsonDocument.ParseAsync(http.Request.Body);
        var body = json.RootElement.Clone();
        if (AnthropicConversation.Problem(body) is { } problem)
        {
            await ErrorAsync(http, 400, "invalid_request_error", problem);
            return null;
        }

        var system = body.TryGetProperty("system", out var text) ? text.GetString() ?? string.Empty : string.Empty;
        return new FakeRequest(
            http.Request.Path.Value ?? string.Empty,
            body.GetProperty("model").GetString() ?? string.Empty,
            body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True,
            AnthropicConversation.Messages(system, body.GetProperty("messages")),
            body.TryGetProperty("tools", out var tools) ? [.. tools.EnumerateArray().Select(t => t.GetProperty("name").GetString() ?? string.Empty)] : [],
            body)
        {
            // The Messages API has no schema-less JSON mode: the adapter asks for JSON in the system prompt.
            WantsJson = system.Contains("one JSON object only", StringComparison.Ordinal),
        };
    }

    protected override async Task AnswerAsync(HttpContext http, FakeRequest request, FakeStep step, string id)
    {
        id = "msg_" + id;
        var model = AnthropicEvents.Snapshot(request.Model);
        var inputTokens = Math.Max(1, request.Body.GetRawText().Length / 4);
        switch (step)
        {
            case FakeFailure failure:
                if (failure.RetryAfter is not null)
                {
                    http.Response.Headers["retry-after"] = failure.RetryAfter;
                }

                await ErrorAsync(http, failure.Status, AnthropicEvents.ErrorType(failure.Status), $"Fake provider error {failure.Status}");
                return;
            case FakeStreamFailure broken:
                StartStream(http);
                var before = broken.TextBefore.Length == 0
                    ? AnthropicEvents.Stream(id, model, FakeStep.Say(string.Empty), inputTokens).Take(1)
                    : AnthropicEvents.Stream(id, model, FakeStep.Say(broken.TextBefore), inputTokens).TakeWhile(e => e.Name != "content_block_stop");
                await WriteAllAsync(http, before, step.PieceDelay);
                await WriteEventAsync(http, "error", System.Text.Json.JsonSerializer.Serialize(new { type = "error", error = new { type = broken.ErrorType, message = "Fake stream error" } }));
                return;
            case FakeText or FakeToolCalls when request.Stream:
                StartStream(http);
                await WriteAllAsync(http, AnthropicEvents.Stream(id, model, step, inputTokens), step.PieceDelay);
                return;
            default:
                await http.Response.WriteAsJsonAsync(AnthropicEvents.Message(id, model, step, inputTokens));
                return;
        }
    }

    private static async Task WriteAllAsync(HttpContext http, IEnumerable<(string Name, System.Text.Json.Nodes.JsonObject Data)> events, TimeSpan pieceDelay)
    {
        foreach (var (name, data) in events)
        {
            await WriteEventAsync(http, name, data.ToJsonString());
            if (pieceDelay > TimeSpan.Zero && name == "content_block_delta")
            {
                await Task.Delay(pieceDelay, http.RequestAborted);
            }
        }
    }

    private static async Task ErrorAsync(HttpContext http, int status, string type, string message)
    {
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(new { type = "error", error = new { type, message } });
    }
}
