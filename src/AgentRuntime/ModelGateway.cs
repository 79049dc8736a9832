using CreatorOS.AgentRuntime.Providers;
using CreatorOS.AgentRuntime.Resilience;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreatorOS.AgentRuntime;

/// <summary>
/// The configured provider, wrapped in the error table. <see cref="Client"/> is null when
/// <c>Ai:Provider</c> is offline: callers then use their offline brain without trying a model.
/// One instance per process: the SDK clients hold HTTP connection pools.
/// </summary>
public sealed class ModelGateway : IDisposable
{
    private readonly IChatClient? _provider;

    public ModelGateway(IOptions<AgentRuntimeOptions> options, TimeProvider clock, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        Options = options.Value;
        _provider = CreateProvider(Options, clock);
        Client = _provider is null ? null : new RetryingChatClient(_provider, Options, new RetryPlan(Options), clock, loggers.CreateLogger<RetryingChatClient>());
    }

    public AgentRuntimeOptions Options { get; }

    /// <summary>The provider behind retries, or null when offline.</summary>
    public IChatClient? Client { get; }

    /// <summary>The provider's name for events, e.g. "openai" or "anthropic".</summary>
    public string ProviderName => Options.Provider.ToLowerInvariant();

    private static IChatClient? CreateProvider(AgentRuntimeOptions options, TimeProvider clock) => options.Provider.ToLowerInvariant() switch
    {
        AgentRuntimeOptions.Offline => null,
        AgentRuntimeOptions.OpenAi => new OpenAiCompatibleChatClient(options, clock),
        AgentRuntimeOptions.Anthropic => new AnthropicChatClient(options, clock),
        var other => throw new InvalidOperationException($"Ai:Provider must be offline, openai or anthropic, not '{other}'."),
    };

    public void Dispose()
    {
        Client?.Dispose();
        _provider?.Dispose();
    }
}
