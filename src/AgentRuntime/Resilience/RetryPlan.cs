using CreatorOS.AgentRuntime.Providers;

namespace CreatorOS.AgentRuntime.Resilience;

/// <summary>
/// The error table of spec Ticket 2.4 as numbers: how many retries each failure gets and how long to
/// wait before the next one (jittered exponential backoff, or the provider's Retry-After when given).
/// A Retry-After longer than <see cref="AgentRuntimeOptions.MaxBackoff"/> ends the retries: a coach is
/// better served by the fallback now than by a model in a minute.
/// </summary>
public sealed class RetryPlan(AgentRuntimeOptions options, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public int RetriesFor(ProviderFailure failure) => failure switch
    {
        ProviderFailure.RateLimited => options.RateLimitRetries,
        ProviderFailure.Timeout => options.TimeoutRetries,
        _ => options.ApiErrorRetries,
    };

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based), or null when no retry should be made.</summary>
    public TimeSpan? DelayBefore(int retry, ProviderException failure)
    {
        if (retry > RetriesFor(failure.Failure))
        {
            return null;
        }

        if (failure.RetryAfter is { } requested)
        {
            return requested <= options.MaxBackoff ? requested : null;
        }

        var exponential = options.BaseBackoff.TotalMilliseconds * Math.Pow(2, retry - 1);
        var jittered = exponential * (0.5 + (_random() * 0.5));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxBackoff.TotalMilliseconds));
    }
}
