using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Social.Platforms;

/// <summary>A platform's answer: status code and JSON body (Undefined when the body was not JSON).</summary>
internal sealed record PlatformResponse(HttpStatusCode Status, JsonElement Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}

/// <summary>
/// Sends platform requests within the call budget and retries what is worth retrying (429, 5xx,
/// network errors, timeouts) with exponential backoff, honouring Retry-After. A platform that stays
/// down ends in <see cref="PlatformFailureKind.Unavailable"/>, never in an unhandled exception.
/// </summary>
internal sealed class PlatformHttp(IHttpClientFactory factory, IOptions<SocialOptions> options, CallBudget budget, TimeProvider clock)
{
    public const string ClientName = "social-platforms";

    public async Task<PlatformResponse> SendAsync(string platform, string budgetKey, int perHour, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = factory.CreateClient(ClientName);
        for (var attempt = 0; ; attempt++)
        {
            if (!budget.TryTake(budgetKey, perHour))
            {
                throw new PlatformException(platform, PlatformFailureKind.RateLimited, $"{platform} call budget of {perHour} an hour is spent.");
            }

            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(settings.RequestTimeout);
                using var message = request();
                using var response = await client.SendAsync(message, timeout.Token);
                var status = (int)response.StatusCode;
                if (status != 429 && status < 500)
                {
                    return new PlatformResponse(response.StatusCode, await ReadJsonAsync(response, timeout.Token));
                }

                retryAfter = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.RetryAfter?.Date is { } date ? date - clock.GetUtcNow() : null);
                failure = status == 429 ? $"{platform} rate limited the call (429)." : $"{platform} answered {status}.";
                if (status == 429 && attempt >= settings.MaxRetries)
                {
                    throw new PlatformException(platform, PlatformFailureKind.RateLimited, failure);
                }
            }
            catch (HttpRequestException exception)
            {
                failure = $"{platform} could not be reached ({exception.HttpRequestError}).";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"{platform} did not answer within {settings.RequestTimeout.TotalSeconds:0}s.";
            }

            if (attempt >= settings.MaxRetries)
            {
                throw new PlatformException(platform, PlatformFailureKind.Unavailable, failure);
            }

            await Task.Delay(Backoff(settings, attempt, retryAfter), clock, cancellationToken);
        }
    }

    /// <summary>Retry-After when the platform gives one we can wait for, else base × 2^attempt; never above the cap.</summary>
    internal static TimeSpan Backoff(SocialOptions settings, int attempt, TimeSpan? retryAfter)
    {
        var exponential = settings.BackoffBase * Math.Pow(2, attempt);
        var wanted = retryAfter is { } after && after > TimeSpan.Zero ? after : exponential;
        return wanted > settings.MaxBackoff ? settings.MaxBackoff : wanted;
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
