using System.Diagnostics;
using CreatorOS.AgentRuntime;
using CreatorOS.AgentRuntime.Providers;
using CreatorOS.AgentRuntime.Resilience;
using CreatorOS.FakeProviders;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreatorOS.IntegrationTests.AgentRuntime;

/// <summary>
/// Spec Ticket 2.4's error table, row by row, against a loopback fake provider: the same rows for every
/// adapter (OpenAI-compatible and Anthropic), each against its own wire format.
/// </summary>
public abstract class ErrorTableTests<TServer>(Func<Task<TServer>> start) : IAsyncLifetime
    where TServer : FakeModelServer
{
    private TServer _server = null!;

    public async Task InitializeAsync() => _server = await start();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>The production adapter of this provider.</summary>
    protected abstract IChatClient Adapter(AgentRuntimeOptions options);

    private RetryingChatClient Client(TimeSpan? timeout = null, TimeSpan? maxBackoff = null)
    {
        var options = new AgentRuntimeOptions
        {
            Provider = _server.Provider,
            BaseUrl = _server.BaseUrl,
            ApiKey = "test-key",
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            BaseBackoff = TimeSpan.FromMilliseconds(10),
            MaxBackoff = maxBackoff ?? TimeSpan.FromSeconds(5),
        };
        return new RetryingChatClient(Adapter(options), options, new RetryPlan(options), TimeProvider.System, NullLogger.Instance);
    }

    private static Task<ChatResponse> AskAsync(RetryingChatClient client) =>
        client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]).ToChatResponseAsync();

    [Fact]
    public async Task Rate_limit_is_retried_three_times_then_given_up()
    {
        _server.Enqueue(FakeStep.Fail(429), FakeStep.Fail(429), FakeStep.Fail(429), FakeStep.Fail(429), FakeStep.Say("never reached"));
        using var client = Client();

        var failure = await Should.ThrowAsync<ProviderException>(() => AskAsync(client));

        failure.Failure.ShouldBe(ProviderFailure.RateLimited);
        failure.Attempts.ShouldBe(4);
        _server.ChatRequests.ShouldBe(4);
    }

    [Fact]
    public async Task The_caller_is_told_before_each_retry_is_waited_for()
    {
        _server.Enqueue(FakeStep.Fail(429, "0"), FakeStep.Fail(429, "0"), FakeStep.Say("Third time lucky."));
        using var client = Client();
        var notices = new List<RetryNotice>();
        var options = new ChatOptions
        {
            AdditionalProperties = new()
            {
                [RetryingChatClient.RetryObserverKey] = (Func<RetryNotice, CancellationToken, ValueTask>)((notice, _) =>
                {
                    notices.Add(notice);
                    return ValueTask.CompletedTask;
                }),
            },
        };

        var response = await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], options).ToChatResponseAsync();

        response.Text.ShouldBe("Third time lucky.");
        notices.ShouldBe([new RetryNotice(ProviderFailure.RateLimited, 1, TimeSpan.Zero), new RetryNotice(ProviderFailure.RateLimited, 2, TimeSpan.Zero)]);
    }

    [Fact]
    public async Task Rate_limit_honours_retry_after_and_then_succeeds()
    {
        _server.Enqueue(FakeStep.Fail(429, "1"), FakeStep.Say("Back again!"));
        using var client = Client();
        var started = Stopwatch.GetTimestamp();

        var response = await AskAsync(client);

        response.Text.ShouldBe("Back again!");
        Stopwatch.GetElapsedTime(started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950), "Retry-After: 1 is waited out");
        _server.ChatRequests.ShouldBe(2);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_longest_backoff_goes_straight_to_the_fallback()
    {
        _server.Enqueue(FakeStep.Fail(429, "120"));
        using var client = Client(maxBackoff: TimeSpan.FromSeconds(5));

        var failure = await Should.ThrowAsync<ProviderException>(() => AskAsync(client));

        failure.Attempts.ShouldBe(1);
        _server.ChatRequests.ShouldBe(1);
    }

    [Fact]
    public async Task Timeout_is_retried_twice_then_given_up()
    {
        var slow = TimeSpan.FromSeconds(5);
        _server.Enqueue(FakeStep.Say("late") with { Delay = slow }, FakeStep.Say("late") with { Delay = slow }, FakeStep.Say("late") with { Delay = slow });
        using var client = Client(timeout: TimeSpan.FromSeconds(1));

        var failure = await Should.ThrowAsync<ProviderException>(() => AskAsync(client));

        failure.Failure.ShouldBe(ProviderFailure.Timeout);
        failure.Attempts.ShouldBe(3);
        _server.ChatRequests.ShouldBeLessThanOrEqualTo(3, "a request abandoned before the server read it is not counted there");
    }

    [Fact]
    public async Task Overloaded_529_is_retried_like_a_rate_limit_honouring_retry_after()
    {
        _server.Enqueue(FakeStep.Fail(529, "0"), FakeStep.Fail(529), FakeStep.Say("Capacity again."));
        using var client = Client();

        var response = await AskAsync(client);

        response.Text.ShouldBe("Capacity again.");
        _server.ChatRequests.ShouldBe(3);
    }

    [Fact]
    public async Task A_slow_answer_inside_the_time_limit_is_simply_awaited()
    {
        _server.Enqueue(FakeStep.Say("Worth the wait.") with { Delay = TimeSpan.FromMilliseconds(200) });
        using var client = Client(timeout: TimeSpan.FromSeconds(5));

        (await AskAsync(client)).Text.ShouldBe("Worth the wait.");
    }

    [Fact]
    public async Task Api_error_is_not_retried()
    {
        _server.Enqueue(FakeStep.Fail(500), FakeStep.Say("never reached"));
        using var client = Client();

        var failure = await Should.ThrowAsync<ProviderException>(() => AskAsync(client));

        failure.Failure.ShouldBe(ProviderFailure.ApiError);
        failure.Attempts.ShouldBe(1);
        _server.ChatRequests.ShouldBe(1);
    }

    [Fact]
    public async Task An_unreachable_provider_is_an_api_error()
    {
        var options = new AgentRuntimeOptions { Provider = _server.Provider, BaseUrl = "http://127.0.0.1:9/v1", Timeout = TimeSpan.FromSeconds(5) };
        using var client = new RetryingChatClient(Adapter(options), options, new RetryPlan(options), TimeProvider.System, NullLogger.Instance);

        var failure = await Should.ThrowAsync<ProviderException>(() => AskAsync(client));

        failure.Failure.ShouldBe(ProviderFailure.ApiError);
    }

    [Fact]
    public void Backoff_is_exponential_with_jitter_and_capped()
    {
        var options = new AgentRuntimeOptions { BaseBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromMilliseconds(300) };
        var low = new RetryPlan(options, () => 0.0);
        var high = new RetryPlan(options, () => 1.0);
        var limited = new ProviderException(ProviderFailure.RateLimited, "429", 429);

        low.DelayBefore(1, limited).ShouldBe(TimeSpan.FromMilliseconds(50));
        high.DelayBefore(1, limited).ShouldBe(TimeSpan.FromMilliseconds(100));
        high.DelayBefore(2, limited).ShouldBe(TimeSpan.FromMilliseconds(200));
        high.DelayBefore(3, limited).ShouldBe(TimeSpan.FromMilliseconds(300), "capped");
        high.DelayBefore(4, limited).ShouldBeNull("three retries at most");
        high.DelayBefore(1, new ProviderException(ProviderFailure.ApiError, "500", 500)).ShouldBeNull();
        high.DelayBefore(3, new ProviderException(ProviderFailure.Timeout, "timeout")).ShouldBeNull("two retries after a timeout");
    }
}

public sealed class OpenAiErrorTableTests() : ErrorTableTests<FakeOpenAiServer>(FakeOpenAiServer.StartAsync)
{
    protected override IChatClient Adapter(AgentRuntimeOptions options) => new OpenAiCompatibleChatClient(options, TimeProvider.System);
}

public sealed class AnthropicErrorTableTests() : ErrorTableTests<FakeAnthropicServer>(FakeAnthropicServer.StartAsync)
{
    protected override IChatClient Adapter(AgentRuntimeOptions options) => new AnthropicChatClient(options, TimeProvider.System);
}
