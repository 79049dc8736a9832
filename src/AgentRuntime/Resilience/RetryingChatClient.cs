using System.Runtime.CompilerServices;
using CreatorOS.AgentRuntime.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CreatorOS.AgentRuntime.Resilience;

/// <summary>
/// Applies the error table to a provider client: a time limit per attempt, retries by failure kind
/// with <see cref="RetryPlan"/> backoff, and after the last attempt a <see cref="ProviderException"/>
/// carrying the attempt count, for the caller's fallback; before each retry the caller may be told
/// (<see cref="RetryObserverKey"/>). A stream is only retried before its first
/// update reached the caller; after that a failure is passed on, never replayed twice.
/// </summary>
public sealed class RetryingChatClient(IChatClient inner, AgentRuntimeOptions options, RetryPlan plan, TimeProvider clock, ILogger logger)
    : DelegatingChatClient(inner)
{
    /// <summary>Key in <see cref="ChatResponse.AdditionalProperties"/>: int, the attempts a successful call took.</summary>
    public const string AttemptsKey = "agent.attempts";

    /// <summary>
    /// Key in <see cref="ChatOptions.AdditionalProperties"/>: a <c>Func&lt;RetryNotice, CancellationToken, ValueTask&gt;</c>
    /// called before each retry is waited for.
    /// </summary>
    public const string RetryObserverKey = "agent.on_retry";

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var history = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        for (var attempt = 1; ; attempt++)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeLimit);
            try
            {
                var response = await base.GetResponseAsync(history, options, limit.Token);
                (response.AdditionalProperties ??= [])[AttemptsKey] = attempt;
                return response;
            }
            catch (Exception exception) when (Failure(exception, attempt, cancellationToken) is { } failure)
            {
                await WaitOrGiveUpAsync(attempt, failure, options, cancellationToken);
            }
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var history = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        for (var attempt = 1; ; attempt++)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeLimit);
            var started = false;
            ProviderException? failed = null;
            await using (var updates = base.GetStreamingResponseAsync(history, options, limit.Token).GetAsyncEnumerator(limit.Token))
            {
                while (true)
                {
                    try
                    {
                        if (!await updates.MoveNextAsync())
                        {
                            break;
                        }
                    }
                    catch (Exception exception) when (!started && Failure(exception, attempt, cancellationToken) is { } failure)
                    {
                        failed = failure;
                        break;
                    }
                    catch (OperationCanceledException exception) when (started && !cancellationToken.IsCancellationRequested)
                    {
                        throw new ProviderException(ProviderFailure.Timeout, "The provider stopped answering mid-stream.", inner: exception) { Attempts = attempt };
                    }

                    if (!started)
                    {
                        (updates.Current.AdditionalProperties ??= [])[AttemptsKey] = attempt;
                    }

                    started = true;
                    yield return updates.Current;
                }
            }

            if (failed is null)
            {
                yield break;
            }

            await WaitOrGiveUpAsync(attempt, failed, options, cancellationToken);
        }
    }

    private TimeSpan TimeLimit => options.Timeout;

    private static ProviderException? Failure(Exception exception, int attempt, CancellationToken caller) => exception switch
    {
        OperationCanceledException when caller.IsCancellationRequested => null,
        ProviderException provider => new ProviderException(provider.Failure, provider.Message, provider.Status, provider.RetryAfter, provider.InnerException) { Attempts = attempt },
        OperationCanceledException or TimeoutException => new ProviderException(ProviderFailure.Timeout, "The provider did not answer in time.", inner: exception) { Attempts = attempt },
        _ => null,
    };

    private async Task WaitOrGiveUpAsync(int attempt, ProviderException failure, ChatOptions? chatOptions, CancellationToken cancellationToken)
    {
        var delay = plan.DelayBefore(attempt, failure);
        if (delay is null)
        {
            logger.LogWarning("Model call failed ({Failure}, HTTP {Status}) after {Attempts} attempt(s); giving up", failure.Failure, failure.Status, attempt);
            throw failure;
        }

        logger.LogInformation("Model call failed ({Failure}, HTTP {Status}); retry {Retry} in {DelayMs} ms", failure.Failure, failure.Status, attempt, (int)delay.Value.TotalMilliseconds);
        if (chatOptions?.AdditionalProperties?.GetValueOrDefault(RetryObserverKey) is Func<RetryNotice, CancellationToken, ValueTask> observer)
        {
            await observer(new RetryNotice(failure.Failure, attempt, delay.Value), cancellationToken);
        }
        await Task.Delay(delay.Value, clock, cancellationToken);
    }
}
