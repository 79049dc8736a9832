using System.Text.Json;

namespace CreatorOS.AgentRuntime.Providers;

/// <summary>
/// Reads a failed Messages API answer off the wire and throws it as an error-table row. The SDK's
/// exceptions carry the status but not the response headers, and the error table needs
/// <c>retry-after</c>: Anthropic sends it with 429 rate_limit_error, sometimes with 529 overloaded_error.
/// </summary>
internal sealed class AnthropicErrorReader(TimeProvider clock) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var retryAfter = ProviderException.ParseRetryAfter(
                response.Headers.TryGetValues("retry-after", out var seconds) ? seconds.FirstOrDefault() : null,
                response.Headers.TryGetValues("retry-after-ms", out var milliseconds) ? milliseconds.FirstOrDefault() : null,
                clock.GetUtcNow());
            var type = await ErrorTypeAsync(response, cancellationToken);
            throw new ProviderException(ProviderException.Classify(status), $"The provider answered HTTP {status} ({type}).", status, retryAfter);
        }
    }

    /// <summary>The <c>error.type</c> of Anthropic's error body (rate_limit_error, overloaded_error, api_error…), never its message.</summary>
    private static async Task<string> ErrorTypeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return body.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("type", out var type) && type.GetString() is { Length: > 0 and < 64 } name
                ? name
                : "unknown_error";
        }
        catch (JsonException)
        {
            return "unreadable_error";
        }
    }
}
