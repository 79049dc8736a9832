using CreatorOS.AgentRuntime;
using CreatorOS.AgentRuntime.Providers;
using CreatorOS.AgentRuntime.Resilience;
using CreatorOS.Modules.Assistant.Brain.Offline;
using CreatorOS.Modules.Assistant.Conversation;
using Microsoft.Extensions.AI;

namespace CreatorOS.Modules.Assistant.Brain.Llm;

/// <summary>
/// Avery on a language model: the system prompt from the <see cref="BrainContext"/>, the history
/// window, the tool declarations the offline brain uses, and the provider's streamed answer, passed
/// on to the turn's <see cref="LiveReply"/> as it arrives and assembled into one message. Buttons come
/// from the offline brain's question for the phase, so the coach always has the same one-click
/// answers whichever brain spoke.
/// </summary>
internal sealed class LlmBrain(ModelGateway gateway)
{
    /// <summary>Spec 2.4's words for a model call that timed out and is being retried.</summary>
    public const string OneSecReply = "Give me one sec... 🤔";

    public async Task<ChatResponse> AskAsync(IChatClient model, IReadOnlyList<ChatMessage> messages, ChatOptions options, BrainContext context, CancellationToken cancellationToken)
    {
        List<ChatMessage> prompt = [new(ChatRole.System, AveryPrompts.System(context))];
        prompt.AddRange(messages.TakeLast(ConversationEngine.HistoryWindow + (2 * ConversationEngine.MaxToolRounds) + 1).Select(ForModel));
        var request = new ChatOptions
        {
            ModelId = ModelFor(context),
            Tools = options.Tools,
            ToolMode = ChatToolMode.Auto,
            MaxOutputTokens = gateway.Options.MaxTokens,
            Temperature = gateway.Options.Temperature,
        };
        var live = options.AdditionalProperties?.GetValueOrDefault(LlmKeys.LiveReply) as LiveReply;
        if (live is not null)
        {
            request.AdditionalProperties = new() { [RetryingChatClient.RetryObserverKey] = StillThinking(live) };
        }

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in model.GetStreamingResponseAsync(prompt, request, cancellationToken))
        {
            updates.Add(update);
            if (live is not null && update.Text is { Length: > 0 } words)
            {
                await live.WriteAsync(words);
            }
        }

        if (live is not null)
        {
            await live.EndPieceAsync();
        }

        var response = updates.ToChatResponse();
        response.ModelId ??= request.ModelId;
        var reply = response.Messages.LastOrDefault(m => m.Role == ChatRole.Assistant) ?? new ChatMessage(ChatRole.Assistant, string.Empty);
        var calls = reply.Contents.OfType<FunctionCallContent>().ToList();
        var text = reply.Text.Trim();
        List<AIContent> contents = calls.Count > 0 ? [.. calls] : [new TextContent(text)];
        var buttons = calls.Count > 0 ? [] : PhaseQuestions.Ask(new Situation(context, [], false, messages.Count)).Buttons;
        var message = new ChatMessage(ChatRole.Assistant, contents)
        {
            MessageId = reply.MessageId,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [BrainKeys.Buttons] = buttons,
                [BrainKeys.Understood] = true,
                [BrainKeys.Intent] = calls.Count > 0 ? "llm_tools" : "llm_reply",
                [LlmKeys.AnsweredBy] = "llm",
            },
        };
        return new ChatResponse(message)
        {
            ResponseId = response.ResponseId,
            ModelId = response.ModelId,
            Usage = response.Usage,
            FinishReason = calls.Count > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
            AdditionalProperties = new() { [RetryingChatClient.AttemptsKey] = Attempts(response) },
        };
    }

    /// <summary>Spec 2.4: a timed-out call is retried, and the coach hears so instead of silence (rate limits are retried silently).</summary>
    private static Func<RetryNotice, CancellationToken, ValueTask> StillThinking(LiveReply live) => async (notice, _) =>
    {
        if (notice.Failure == ProviderFailure.Timeout)
        {
            await live.SayOnceAsync(OneSecReply);
        }
    };

    /// <summary>The retry layer marks the stream's first update; aggregation keeps it on the response or on its message.</summary>
    private static object Attempts(ChatResponse response) =>
        response.AdditionalProperties?.GetValueOrDefault(RetryingChatClient.AttemptsKey)
        ?? response.Messages.Select(m => m.AdditionalProperties?.GetValueOrDefault(RetryingChatClient.AttemptsKey)).FirstOrDefault(a => a is not null)
        ?? 1;

    /// <summary>Spec 6.3: the large model for the phases that write content, the small one for the rest.</summary>
    public string ModelFor(BrainContext context) =>
        context.Phase is OnboardingPhase.ContentImport or OnboardingPhase.ProfileSetup ? gateway.Options.GenerationModel : gateway.Options.ConversationModel;

    /// <summary>Button clicks and client events reach the model as plain words; the engine's metadata stays behind.</summary>
    private static ChatMessage ForModel(ChatMessage message)
    {
        if (message.Role != ChatRole.User)
        {
            return message;
        }

        if (message.AdditionalProperties?.TryGetValue(BrainKeys.Event, out var value) == true && value is ClientEvent clientEvent)
        {
            var text = clientEvent.Type switch
            {
                "photo_uploaded" => $"(I uploaded my profile photo: {clientEvent.Value})",
                "oauth_complete" when clientEvent.Ok => $"(I connected my {clientEvent.Value} account.)",
                "oauth_complete" => $"(Connecting {clientEvent.Value} did not work.)",
                _ => $"({clientEvent.Type})",
            };
            return new ChatMessage(ChatRole.User, text);
        }

        return new ChatMessage(ChatRole.User, message.Text);
    }
}
