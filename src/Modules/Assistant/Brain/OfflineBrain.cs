using System.Runtime.CompilerServices;
using CreatorOS.Modules.Assistant.Brain.Offline;
using Microsoft.Extensions.AI;

namespace CreatorOS.Modules.Assistant.Brain;

/// <summary>
/// The deterministic brain: rules, phrase tables and templates behind the same <see cref="IChatClient"/>
/// contract as a model. It reads the <see cref="BrainContext"/> from the options, answers with text,
/// buttons and tool calls, and phrases the tool reports in the next round. Same input, same output.
/// </summary>
internal sealed class OfflineBrain(TimeProvider clock) : IChatClient, IBrainNeeds
{
    private static readonly ChatClientMetadata Metadata = new("creatoros-offline", null, "avery-offline-1");

    public bool NeedsHistory => false;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var (reply, responseId) = Decide(messages, options);
        var message = ToMessage(reply, responseId);
        return Task.FromResult(new ChatResponse(message)
        {
            ResponseId = responseId,
            ModelId = Metadata.DefaultModelId,
            CreatedAt = clock.GetUtcNow(),
            FinishReason = reply.Calls.Count > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var (reply, responseId) = Decide(messages, options);
        var message = ToMessage(reply, responseId);
        foreach (var chunk in Chunks(reply.Text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk) { ResponseId = responseId, MessageId = message.MessageId, ModelId = Metadata.DefaultModelId };
            await Task.Yield();
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [.. message.Contents.OfType<FunctionCallContent>()])
        {
            ResponseId = responseId,
            MessageId = message.MessageId,
            ModelId = Metadata.DefaultModelId,
            CreatedAt = clock.GetUtcNow(),
            AdditionalProperties = message.AdditionalProperties,
            FinishReason = reply.Calls.Count > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }

    /// <summary>The reply, and an id derived from the input so that ids are as deterministic as the text.</summary>
    private static (Reply Reply, string ResponseId) Decide(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(BrainKeys.Context, out var value) != true || value is not BrainContext context)
        {
            throw new ArgumentException($"The offline brain needs a {nameof(BrainContext)} in ChatOptions.AdditionalProperties[\"{BrainKeys.Context}\"].", nameof(options));
        }

        var history = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var input = BrainInput.Read(history);
        var seen = context.EarlierMessages + history.Count;
        var situation = new Situation(context, input.Reports, input.ToolRounds < 2, seen);
        var reply = Respond(situation, input);
        var responseId = "avery_" + StableHash.Of(context.Store.Id + "|" + seen + "|" + input.ToolRounds + "|" + input.Text).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        return (reply, responseId);
    }

    private static Reply Respond(Situation s, BrainInput input)
    {
        if (input.IsToolRound)
        {
            return OutcomePhraser.Phrase(s, input);
        }

        if (input.User is null)
        {
            return s.Context.Occasion == Occasion.LongAbsence
                ? Guidance.LongAbsence(s)
                : Buttons.Continue(s, input, s.Context.Occasion.ToString().ToLowerInvariant());
        }

        if (input.Event is { } clientEvent)
        {
            return Buttons.Event(s, input, clientEvent);
        }

        return input.Button is { } button && Buttons.IsStructural(button.Action)
            ? Buttons.Click(s, input, button)
            : TextTurns.Handle(s, input);
    }

    private static ChatMessage ToMessage(Reply reply, string responseId)
    {
        List<AIContent> contents = [];
        if (reply.Calls.Count == 0)
        {
            contents.Add(new TextContent(reply.Text));
        }

        for (var i = 0; i < reply.Calls.Count; i++)
        {
            var call = reply.Calls[i];
            contents.Add(new FunctionCallContent($"call_{responseId}_{i + 1}", call.Name, new Dictionary<string, object?>(call.Arguments, StringComparer.Ordinal)));
        }

        var properties = new AdditionalPropertiesDictionary
        {
            [BrainKeys.Buttons] = reply.Calls.Count > 0 ? Array.Empty<AveryButton>() : reply.Buttons,
            [BrainKeys.Understood] = reply.Understood,
            [BrainKeys.Intent] = reply.Intent,
        };
        if (reply.Preview is not null && reply.Calls.Count == 0)
        {
            properties[BrainKeys.Preview] = reply.Preview;
        }

        if (reply.Remember.Count > 0)
        {
            properties[BrainKeys.Remember] = reply.Remember;
        }

        return new ChatMessage(ChatRole.Assistant, contents) { MessageId = responseId, AdditionalProperties = properties };
    }

    /// <summary>Small word chunks (a word and the space after it), like a model's stream.</summary>
    private static IEnumerable<string> Chunks(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is ' ' or '\n' && (i + 1 == text.Length || text[i + 1] is not ' ' and not '\n'))
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
