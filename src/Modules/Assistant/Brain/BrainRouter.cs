using System.Diagnostics;
using CreatorOS.AgentRuntime;
using CreatorOS.AgentRuntime.Providers;
using CreatorOS.Modules.Assistant.Brain.Llm;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Safety;
using CreatorOS.Modules.Assistant.Spending;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Assistant.Brain;

/// <summary>
/// The brain the engine talks to (key <see cref="AssistantModule.BrainKey"/>). With a provider
/// configured it asks the model; the offline brain answers the same turn instead when the provider
/// is off, the coach's daily budget is spent, the provider fails after the error table's retries, or
/// the model's words are flagged by moderation. A coach always gets an answer. Every model call is
/// recorded as an <c>avery_api_call</c> event with tokens and <c>cost_usd</c>.
/// </summary>
internal sealed class BrainRouter(
    OfflineBrain offline,
    LlmBrain llm,
    ModelGateway gateway,
    AiSpending spending,
    ModelCalls calls,
    TurnCoach turnCoach,
    ConversationLog log,
    IContentModerator moderator,
    ILogger<BrainRouter> logger) : IChatClient, IBrainNeeds
{
    /// <summary>Offline, the offline brain answers every turn and needs no window.</summary>
    public bool NeedsHistory => gateway.Client is not null;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var history = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        if (options?.AdditionalProperties?.TryGetValue(LlmKeys.Coach, out var caller) == true && caller is CoachIdentity turnOf)
        {
            turnCoach.Coach = turnOf;
        }

        // Greetings need no model (spec 6.3: the welcome is instant and free); nor does anything when offline.
        if (gateway.Client is not { } model
            || history.Count == 0
            || OfflineStartedThisExchange(history)
            || IsEmptyMessage(history[^1])
            || options?.AdditionalProperties?.TryGetValue(BrainKeys.Context, out var c) != true || c is not BrainContext context
            || options.AdditionalProperties.TryGetValue(LlmKeys.Coach, out var who) != true || who is not CoachIdentity coach)
        {
            return await OfflineAsync(history, options, cancellationToken);
        }

        if (!await spending.WithinBudgetAsync(coach.WorkspaceId, cancellationToken))
        {
            log.Track(coach, "avery_llm_fallback", new { reason = "budget" });
            return await OfflineAsync(history, options, cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await llm.AskAsync(model, history, options, context, cancellationToken);
        }
        catch (ProviderException failure)
        {
            calls.Failed(coach, "conversation", llm.ModelFor(context), failure, started);
            // afterWords: the model had already streamed some words, which the offline answer replaces
            // (a status line such as "one sec" is not the model's words: the answer follows it).
            var afterWords = options.AdditionalProperties.GetValueOrDefault(LlmKeys.LiveReply) is LiveReply { WordsShown: true };
            log.Track(coach, "avery_llm_fallback", new { reason = failure.Failure.ToString(), afterWords });
            logger.LogWarning("Model unavailable ({Failure}); the offline brain answers this turn", failure.Failure);
            return await OfflineAsync(history, options, cancellationToken);
        }

        await calls.SucceededAsync(coach, "conversation", llm.ModelFor(context), response, started, cancellationToken);

        var reply = response.Messages[^1];
        if (reply.Text is { Length: > 0 } text && (await moderator.CheckAsync(text, cancellationToken)).Flagged)
        {
            log.Track(coach, "avery_llm_fallback", new { reason = "moderation" });
            return await OfflineAsync(history, options, cancellationToken);
        }

        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : offline.GetService(serviceType, serviceKey);
    }

    public void Dispose()
    {
    }

    /// <summary>
    /// A turn the offline brain began (after a fallback) is finished by it too: it phrases its own
    /// tool calls, recognised by its call ids, and the coach is not charged for a model call.
    /// </summary>
    private static bool OfflineStartedThisExchange(IReadOnlyList<ChatMessage> history) =>
        history.Count > 0 && history[^1].Role == ChatRole.Tool
        && history.LastOrDefault(m => m.Role == ChatRole.Assistant)?.Contents.OfType<FunctionCallContent>().Any(c => c.CallId.StartsWith(OfflineCallPrefix, StringComparison.Ordinal)) == true;

    /// <summary>Scenario 17: an empty message gets the phase's question again; no model needed for that.</summary>
    private static bool IsEmptyMessage(ChatMessage last) =>
        last.Role == ChatRole.User && string.IsNullOrWhiteSpace(last.Text)
        && last.AdditionalProperties?.ContainsKey(BrainKeys.Button) != true && last.AdditionalProperties?.ContainsKey(BrainKeys.Event) != true;

    /// <summary>The offline brain names its calls call_avery_…; providers use their own prefixes (call_, toolu_).</summary>
    private const string OfflineCallPrefix = "call_avery_";

    private async Task<ChatResponse> OfflineAsync(IReadOnlyList<ChatMessage> history, ChatOptions? options, CancellationToken cancellationToken)
    {
        var response = await offline.GetResponseAsync(history, options, cancellationToken);
        var reply = response.Messages[^1];
        (reply.AdditionalProperties ??= [])[LlmKeys.AnsweredBy] = "offline";
        return response;
    }
}
