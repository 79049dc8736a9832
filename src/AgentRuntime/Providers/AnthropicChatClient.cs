using System.Runtime.CompilerServices;
using System.Text;
using Anthropic;
using Anthropic.Core;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;

namespace CreatorOS.AgentRuntime.Providers;

/// <summary>
/// <see cref="IChatClient"/> over the official Anthropic SDK (Messages API). Streams text deltas as they
/// arrive and assembles <c>input_json_delta</c> fragments into whole tool calls, with the same handling of
/// garbled arguments as the OpenAI adapter. The SDK's own retries are switched off: the error table is
/// applied once, in <see cref="Resilience.RetryingChatClient"/>.
/// </summary>
public sealed class AnthropicChatClient : IChatClient
{
    private const string PublicApi = "https://api.anthropic.com";

    private readonly AgentRuntimeOptions _options;
    private readonly AnthropicClient _client;
    private readonly ChatClientMetadata _metadata;
    private readonly TimeProvider _clock;

    public AnthropicChatClient(AgentRuntimeOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _clock = clock;
        var baseUrl = ApiRoot(options.BaseUrl);
        _client = new AnthropicClient(new ClientOptions
        {
            BaseUrl = baseUrl,
            ApiKey = options.ApiKey is { Length: > 0 } key ? key : "local-no-key",
            MaxRetries = 0,
            Timeout = options.Timeout + TimeSpan.FromSeconds(5),
            HttpClient = new HttpClient(new AnthropicErrorReader(clock)) { Timeout = Timeout.InfiniteTimeSpan },
        });
        _metadata = new ChatClientMetadata("anthropic", new Uri(baseUrl), options.ConversationModel);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = options?.ModelId ?? _options.ConversationModel;
        Message answer;
        try
        {
            answer = await _client.Messages.Create(Request(messages, options, model), cancellationToken);
        }
        catch (Exception exception) when (Translate(exception, cancellationToken) is { } failure)
        {
            throw failure;
        }

        var contents = new List<AIContent>();
        var text = string.Concat(answer.Content.Select(b => b.TryPickText(out var block) ? block.Text : null));
        if (text.Length > 0)
        {
            contents.Add(new TextContent(text));
        }

        foreach (var block in answer.Content)
        {
            if (block.TryPickToolUse(out var call))
            {
                contents.Add(new FunctionCallContent(call.ID, call.Name, call.Input.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal)));
            }
        }

        return new ChatResponse(new AiChatMessage(AiChatRole.Assistant, contents) { MessageId = answer.ID })
        {
            ResponseId = answer.ID,
            ModelId = answer.Model.Raw() ?? model,
            CreatedAt = _clock.GetUtcNow(),
            FinishReason = AnthropicMessages.ToFinishReason(answer.StopReason?.Raw()),
            Usage = Usage(answer.Usage.InputTokens, answer.Usage.OutputTokens),
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AiChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = options?.ModelId ?? _options.ConversationModel;
        var calls = new SortedDictionary<long, (string Id, string Name, StringBuilder Input)>();
        string? responseId = null;
        string? modelId = null;
        string? stopReason = null;
        long inputTokens = 0;
        long outputTokens = 0;
        await using var events = _client.Messages.CreateStreaming(Request(messages, options, model), cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            RawMessageStreamEvent streamed;
            try
            {
                if (!await events.MoveNextAsync())
                {
                    break;
                }

                streamed = events.Current;
            }
            catch (Exception exception) when (Translate(exception, cancellationToken) is { } failure)
            {
                throw failure;
            }

            if (streamed.TryPickStart(out var start))
            {
                responseId = start.Message.ID;
                modelId = start.Message.Model.Raw();
                inputTokens = start.Message.Usage.InputTokens;
                outputTokens = start.Message.Usage.OutputTokens;
            }
            else if (streamed.TryPickContentBlockStart(out var blockStart) && blockStart.ContentBlock.TryPickToolUse(out var toolUse))
            {
                calls[blockStart.Index] = (toolUse.ID, toolUse.Name, new StringBuilder());
            }
            else if (streamed.TryPickContentBlockDelta(out var delta))
            {
                if (delta.Delta.TryPickText(out var text) && text.Text.Length > 0)
                {
                    yield return new ChatResponseUpdate(AiChatRole.Assistant, text.Text) { ResponseId = responseId, MessageId = responseId, ModelId = modelId ?? model };
                }
                else if (delta.Delta.TryPickInputJson(out var json) && calls.TryGetValue(delta.Index, out var call))
                {
                    call.Input.Append(json.PartialJson);
                }
            }
            else if (streamed.TryPickDelta(out var messageDelta))
            {
                stopReason = messageDelta.Delta.StopReason?.Raw() ?? stopReason;
                outputTokens = messageDelta.Usage.OutputTokens;
                inputTokens = messageDelta.Usage.InputTokens ?? inputTokens;
            }
        }

        yield return new ChatResponseUpdate(AiChatRole.Assistant, [new UsageContent(Usage(inputTokens, outputTokens))]) { ResponseId = responseId, MessageId = responseId, ModelId = modelId ?? model };
        yield return new ChatResponseUpdate(AiChatRole.Assistant, [.. calls.Values.Select(c => ToolWire.Call(c.Id, c.Name, c.Input.ToString()))])
        {
            ResponseId = responseId,
            MessageId = responseId,
            ModelId = modelId ?? model,
            CreatedAt = _clock.GetUtcNow(),
            FinishReason = AnthropicMessages.ToFinishReason(stopReason) ?? (calls.Count > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop),
        };
    }

    public object? GetService(System.Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The SDK appends <c>/v1/messages</c>; a base URL given with <c>/v1</c> (as for OpenAI) works too.</summary>
    private static string ApiRoot(string? baseUrl)
    {
        var root = (baseUrl is { Length: > 0 } url ? url : PublicApi).TrimEnd('/');
        return root.EndsWith("/v1", StringComparison.Ordinal) ? root[..^"/v1".Length] : root;
    }

    private static UsageDetails Usage(long input, long output) => new() { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };

    private MessageCreateParams Request(IEnumerable<AiChatMessage> messages, ChatOptions? options, string model) =>
        MessageCreateParams.FromRawUnchecked(new Dictionary<string, System.Text.Json.JsonElement>(), new Dictionary<string, System.Text.Json.JsonElement>(), AnthropicMessages.Body(messages, options, _options, model));

    /// <summary>
    /// SDK and transport errors as error-table rows. A cancelled token stays a cancellation (the retry
    /// layer's time limit or the caller's), even when the SDK wrapped it; null means rethrow unchanged.
    /// </summary>
    private static Exception? Translate(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is ProviderException || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return null;
        }

        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is ProviderException read)
            {
                return read;
            }
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException("The model call was cancelled.", exception, cancellationToken);
        }

        return exception switch
        {
            AnthropicApiException api => new ProviderException(ProviderException.Classify((int)api.StatusCode), $"The provider answered HTTP {(int)api.StatusCode}.", (int)api.StatusCode, inner: exception),
            AnthropicSseException sse => new ProviderException(
                string.Equals(sse.Type?.Raw(), "overloaded_error", StringComparison.Ordinal) ? ProviderFailure.RateLimited : ProviderFailure.ApiError,
                "The provider reported an error mid-stream.",
                inner: exception),
            OperationCanceledException or TimeoutException => new ProviderException(ProviderFailure.Timeout, "The provider did not answer in time.", inner: exception),
            { InnerException: OperationCanceledException or TimeoutException } => new ProviderException(ProviderFailure.Timeout, "The provider did not answer in time.", inner: exception),
            AnthropicIOException or HttpRequestException or IOException => new ProviderException(ProviderFailure.ApiError, "The provider could not be reached.", inner: exception),
            AnthropicInvalidDataException or System.Text.Json.JsonException or FormatException or InvalidOperationException or ArgumentException => new ProviderException(ProviderFailure.ApiError, "The provider's answer could not be read.", inner: exception),
            _ => null,
        };
    }
}
