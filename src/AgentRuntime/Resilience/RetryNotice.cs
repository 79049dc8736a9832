using CreatorOS.AgentRuntime.Providers;

namespace CreatorOS.AgentRuntime.Resilience;

/// <summary>
/// Told to the caller before the retry layer waits for another attempt, so an agent can tell its user
/// what the error table says for that row (spec Ticket 2.4: "Give me one sec..." on a timeout) instead
/// of leaving them in silence.
/// </summary>
/// <param name="Failure">Why the last attempt failed.</param>
/// <param name="Retry">The retry about to be made, 1-based.</param>
/// <param name="Delay">How long the retry layer waits before it.</param>
public sealed record RetryNotice(ProviderFailure Failure, int Retry, TimeSpan Delay);
