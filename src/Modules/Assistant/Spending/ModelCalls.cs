using System.Diagnostics;
using CreatorOS.AgentRuntime;
using CreatorOS.AgentRuntime.Providers;
using CreatorOS.AgentRuntime.Resilience;
using CreatorOS.AgentRuntime.Usage;
using CreatorOS.Modules.Assistant.Conversation;
using Microsoft.Extensions.AI;

namespace CreatorOS.Modules.Assistant.Spending;

/// <summary>
/// Records every model call as an <c>avery_api_call</c> event (provider, model, purpose, tokens,
/// <c>costUsd</c>, attempts, ms) in the turn's unit of work, and adds its cost to the coach's budget.
/// </summary>
internal sealed class ModelCalls(ModelGateway gateway, AiSpending spending, ConversationLog log)
{
    public async Task SucceededAsync(CoachIdentity coach, string purpose, string model, ChatResponse response, long startedTimestamp, CancellationToken cancellationToken)
    {
        var cost = CallCost.Of(response.ModelId ?? model, response.Usage, gateway.Options.Prices);
        await spending.RecordAsync(coach.WorkspaceId, cost.CostUsd, cancellationToken);
        log.Track(coach, AiSpending.ApiCallEvent, new
        {
            provider = gateway.ProviderName,
            model = cost.Model,
            purpose,
            ok = true,
            inputTokens = cost.InputTokens,
            outputTokens = cost.OutputTokens,
            costUsd = cost.CostUsd,
            priced = cost.Priced,
            attempts = response.AdditionalProperties?.GetValueOrDefault(RetryingChatClient.AttemptsKey) ?? 1,
            ms = (int)Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds,
        });
    }

    public void Failed(CoachIdentity coach, string purpose, string model, ProviderException failure, long startedTimestamp) =>
        log.Track(coach, AiSpending.ApiCallEvent, new
        {
            provider = gateway.ProviderName,
            model,
            purpose,
            ok = false,
            failure = failure.Failure.ToString(),
            status = failure.Status,
            attempts = failure.Attempts,
            ms = (int)Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds,
            costUsd = 0m,
        });
}
