using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CreatorOS.AgentRuntime;

/// <summary>
/// The building block every agent uses (Avery today; the analytics agent and the support chatbot
/// next): provider adapters behind <c>IChatClient</c>, the error table, and cost accounting.
/// Modules call <see cref="AddAgentRuntime"/> themselves; registering twice is harmless.
/// </summary>
public static class AgentRuntimeModule
{
    public static IServiceCollection AddAgentRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentRuntimeOptions>().Bind(configuration.GetSection(AgentRuntimeOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ModelGateway>();
        return services;
    }
}
