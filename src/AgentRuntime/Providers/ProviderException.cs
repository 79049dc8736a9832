namespace CreatorOS.AgentRuntime.Providers;

/// <summary>
/// A provider call that failed, classified for the retry policy. Adapters translate their SDK's
/// errors into this, so retries and fallbacks never depend on one SDK's exception types.
/// The message never contains the prompt or the key.
/// </summary>
public sealed class ProviderException(ProviderFailure failure, string message, int? status = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public ProviderFailure Failure { get; } = failure;

    public int? Status { get; } = status;

    /// <summary>From the provider's Retry-After (or retry-after-ms) header, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>How many attempts were made before giving up (set by the retry layer).</summary>
    public int Attempts { get; init; } = 1;

    public static ProviderFailure Classify(int status) => status switch
    {
        // 529 is Anthropic's overloaded_error: capacity, like a rate limit, and worth the same patient retries.
        429 or 529 => ProviderFailure.RateLimited,
        408 or 504 => ProviderFailure.Timeout,
        _ => ProviderFailure.ApiError,
    };

    /// <summary>Reads Retry-After as seconds or an HTTP date, and OpenAI's retry-after-ms.</summary>
    public static TimeSpan? ParseRetryAfter(string? retryAfter, string? retryAfterMs, DateTimeOffset now)
    {
        if (double.TryParse(retryAfterMs, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (string.IsNullOrWhiteSpace(retryAfter))
        {
            return null;
        }

        if (double.TryParse(retryAfter, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(retryAfter, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at > now ? at - now : TimeSpan.Zero
            : null;
    }
}
