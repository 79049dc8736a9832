namespace CreatorOS.AgentRuntime.Providers;

/// <summary>The rows of the error table (spec Ticket 2.4) a provider call can fail with.</summary>
public enum ProviderFailure
{
    RateLimited,
    Timeout,
    ApiError,
}
