using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;

namespace CreatorOS.AgentRuntime.Providers;

/// <summary>
/// <see cref="IChatClient"/> over the official OpenAI SDK, for any server speaking the chat-completions
/// API (OpenAI, Azure OpenAI's v1 endpoint, Ollama, vLLM, llama.cpp). Streams text as it arrives and
/// assembles streamed tool-call deltas into whole calls. The SDK's own retries are switched off: the
/// error table is applied once, in <see cref="Resilience.RetryingChatClient"/>.
/// </summary>
public sealed class OpenAiCompatibleChatClient : IChatClient
{
    private readonly AgentRuntimeOptions _options;
    private readonly OpenAIClient _client;
    private readonly ConcurrentDictionary<string, ChatClient> _byModel = new(StringComparer.Ordinal);
    private readonly ChatClientMetadata _metadata;
    private readonly TimeProvider _clock;

    public OpenAiCompatibleChatClient(AgentRuntimeOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _clock = clock;
        var endpoint = options.BaseUrl is { Length: > 0 } url ? new Uri(url) : null;
        var sdkOptions = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(5),
        };
        if (endpoint is not null)
        {
            sdkOptions.Endpoint = endpoint;
        }

        // Local servers (Ollama, llama.cpp) ignore the key but the SDK requires one.
        _client = new OpenAIClient(new ApiKeyCredential(options.ApiKey is { Length: > 0 } key ? key : "local-no-key"), sdkOptions);
        _metadata = new ChatClientMetadata("openai", endpoint ?? new Uri("https://api.openai.com/v1"), options.ConversationModel);
    }

    /// <summary>The SDK client, for the moderation endpoint of the same provider.</summary>
    internal OpenAIClient Sdk => _client;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = options?.ModelId ?? _options.ConversationModel;
        ChatCompletion completion;
        try
        {
            completion = (await Chat(model).CompleteChatAsync(OpenAiMessages.ToOpenAi(messages), OpenAiMessages.ToOpenAi(options, _options), cancellationToken)).Value;
        }
        catch (Exception exception) when (Translate(exception, cancellationToken) is { } failure)
        {
            throw failure;
        }

        var contents = new List<AIContent>();
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        if (text.Length > 0)
        {
            contents.Add(new TextContent(text));
        }

        contents.AddRange(completion.ToolCalls.Select(c => ToolWire.Call(c.Id, c.FunctionName, c.FunctionArguments?.ToString())));
        return new ChatResponse(new AiChatMessage(AiChatRole.Assistant, contents) { MessageId = completion.Id })
        {
            ResponseId = completion.Id,
            ModelId = completion.Model ?? model,
            CreatedAt = completion.CreatedAt,
            FinishReason = OpenAiMessages.ToFinishReason(completion.FinishReason),
            Usage = OpenAiMessages.ToUsage(completion.Usage),
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AiChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = options?.ModelId ?? _options.ConversationModel;
        var stream = Chat(model).CompleteChatStreamingAsync(OpenAiMessages.ToOpenAi(messages), OpenAiMessages.ToOpenAi(options, _options), cancellationToken);
        var calls = new SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)>();
        string? responseId = null;
        string? modelId = null;
        Microsoft.Extensions.AI.ChatFinishReason? finish = null;
        await using var updates = stream.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            StreamingChatCompletionUpdate update;
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    break;
                }

                update = updates.Current;
            }
            catch (Exception exception) when (Translate(exception, cancellationToken) is { } failure)
            {
                throw failure;
            }

            responseId ??= update.CompletionId;
            modelId ??= update.Model;
            finish = OpenAiMessages.ToFinishReason(update.FinishReason) ?? finish;
            foreach (var delta in update.ToolCallUpdates)
            {
                var call = calls.TryGetValue(delta.Index, out var known) ? known : (null, null, new StringBuilder());
                call.Id ??= delta.ToolCallId;
                call.Name ??= delta.FunctionName;
                if (delta.FunctionArgumentsUpdate is { } part && !part.IsEmpty)
                {
                    call.Arguments.Append(part.ToString());
                }

                calls[delta.Index] = call;
            }

            var text = string.Concat(update.ContentUpdate.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            if (text.Length > 0)
            {
                yield return new ChatResponseUpdate(AiChatRole.Assistant, text) { ResponseId = responseId, MessageId = responseId, ModelId = modelId ?? model };
            }

            if (update.Usage is { } usage)
            {
                yield return new ChatResponseUpdate(AiChatRole.Assistant, [new UsageContent(OpenAiMessages.ToUsage(usage)!)]) { ResponseId = responseId, MessageId = responseId, ModelId = modelId ?? model };
            }
        }

        // The SDK skips an error object sent mid-stream and ends quietly; a complete answer always has a
        // finish reason, so without one the words so far are a broken answer, not the whole of it.
        if (finish is null)
        {
            throw new ProviderException(ProviderFailure.ApiError, "The provider's stream ended before the answer was complete.");
        }

        yield return new ChatResponseUpdate(AiChatRole.Assistant, [.. calls.Values.Select(c => ToolWire.Call(c.Id, c.Name, c.Arguments.ToString()))])
        {
            ResponseId = responseId,
            MessageId = responseId,
            ModelId = modelId ?? model,
            CreatedAt = _clock.GetUtcNow(),
            FinishReason = finish,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType == typeof(OpenAIClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }

    private ChatClient Chat(string model) => _byModel.GetOrAdd(model, m => _client.GetChatClient(m));

    /// <summary>SDK and transport errors as error-table rows; null for the caller's own cancellation.</summary>
    private ProviderException? Translate(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ProviderException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        ClientResultException result => new ProviderException(
            ProviderException.Classify(result.Status),
            $"The provider answered HTTP {result.Status}.",
            result.Status,
            RetryAfter(result.GetRawResponse()),
            result),
        OperationCanceledException or TimeoutException => new ProviderException(ProviderFailure.Timeout, "The provider did not answer in time.", inner: exception),
        HttpRequestException or IOException => new ProviderException(ProviderFailure.ApiError, "The provider could not be reached.", inner: exception),
        System.Text.Json.JsonException or FormatException or InvalidOperationException or ArgumentException => new ProviderException(ProviderFailure.ApiError, "The provider's answer could not be read.", inner: exception),
        _ => null,
    };

    private TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        response.Headers.TryGetValue("retry-after-ms", out var milliseconds);
        response.Headers.TryGetValue("Retry-After", out var retryAfter);
        return ProviderException.ParseRetryAfter(retryAfter, milliseconds, _clock.GetUtcNow());
    }
}
