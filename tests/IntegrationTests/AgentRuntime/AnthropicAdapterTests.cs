using System.Text.Json;
using CreatorOS.AgentRuntime;
using CreatorOS.AgentRuntime.Providers;
using CreatorOS.AgentRuntime.Usage;
using CreatorOS.FakeProviders;
using Microsoft.Extensions.AI;

namespace CreatorOS.IntegrationTests.AgentRuntime;

/// <summary>The production Anthropic adapter (official SDK) against a loopback server speaking the Messages API.</summary>
public sealed class AnthropicAdapterTests : IAsyncLifetime
{
    private FakeAnthropicServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAnthropicServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private AnthropicChatClient Client(string? baseUrl = null) =>
        new(new AgentRuntimeOptions { Provider = "anthropic", BaseUrl = baseUrl ?? _server.BaseUrl, ApiKey = "test-key" }, TimeProvider.System);

    [Fact]
    public async Task Text_streams_in_pieces_with_usage_priced_from_the_dated_snapshot()
    {
        _server.Enqueue(FakeStep.Say("Hi Sam! What should I call you on your store?"));
        using var client = Client();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
        {
            updates.Add(update);
        }

        updates.Count(u => u.Text.Length > 0).ShouldBeGreaterThan(3, "the text arrives in several text_delta events");
        var response = updates.ToChatResponse();
        response.Text.ShouldBe("Hi Sam! What should I call you on your store?");
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        response.ModelId.ShouldBe("claude-haiku-4-5-20251001");
        var cost = CallCost.Of(response.ModelId!, response.Usage, new AgentRuntimeOptions().Prices);
        cost.InputTokens.ShouldBeGreaterThan(0);
        cost.OutputTokens.ShouldBeGreaterThan(0);
        cost.Priced.ShouldBeTrue("a dated snapshot is priced as its alias");
        cost.CostUsd.ShouldBe(((cost.InputTokens * 1.00m) + (cost.OutputTokens * 5.00m)) / 1_000_000m);
        var sent = _server.Requests.Single();
        sent.Stream.ShouldBeTrue();
        sent.Model.ShouldBe("claude-haiku-4-5", "the conversation model defaults to Claude's small model on Anthropic");
        _server.LastApiKey.ShouldBe("test-key");
        _server.LastVersion.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Streamed_input_json_fragments_are_assembled_into_whole_tool_calls()
    {
        _server.Enqueue(FakeStep.Call(
            new FakeToolCall("set_subscription_price", """{"price": 12.99, "currency": "GBP"}"""),
            new FakeToolCall("get_niche_benchmarks", """{"niche": "fitness"}""")));
        using var client = Client();

        var response = await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "I was thinking £12.99")]).ToChatResponseAsync();

        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        calls.Select(c => c.Name).ShouldBe(["set_subscription_price", "get_niche_benchmarks"]);
        ((JsonElement)calls[0].Arguments!["price"]!).GetDecimal().ShouldBe(12.99m);
        ((JsonElement)calls[0].Arguments!["currency"]!).GetString().ShouldBe("GBP");
        ((JsonElement)calls[1].Arguments!["niche"]!).GetString().ShouldBe("fitness");
        calls[0].CallId.ShouldStartWith("toolu_");
        calls[1].CallId.ShouldNotBe(calls[0].CallId);
        calls.ShouldAllBe(c => c.Exception == null);
        response.FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
    }

    [Fact]
    public async Task Malformed_tool_input_becomes_a_call_that_carries_the_parse_error()
    {
        _server.Enqueue(FakeStep.Call("set_subscription_price", """{"price": 12.99, """));
        using var client = Client();

        var response = await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "£12.99")]).ToChatResponseAsync();

        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();
        call.Name.ShouldBe("set_subscription_price");
        call.Exception.ShouldNotBeNull();
        call.Arguments.ShouldNotBeNull().ShouldBeEmpty();
    }

    [Fact]
    public async Task System_prompt_tools_tool_calls_and_results_go_out_in_the_messages_wire_format()
    {
        _server.Enqueue(FakeStep.Say("Done: your price is £12.99."));
        using var client = Client(_server.BaseUrl + "/v1");
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"price":{"type":"number"}},"required":["price"]}""").RootElement;
        var options = new ChatOptions { Tools = [AIFunctionFactory.CreateDeclaration("set_subscription_price", "Set the price", schema)], ModelId = "claude-sonnet-4-5", MaxOutputTokens = 321, Temperature = 1.5f };
        ChatMessage[] messages =
        [
            new(ChatRole.System, "You are Avery."),
            new(ChatRole.Assistant, "Hi! I'm Avery."),
            new(ChatRole.User, "£12.99 please"),
            new(ChatRole.Assistant, [new FunctionCallContent("toolu_1", "set_subscription_price", new Dictionary<string, object?> { ["price"] = 12.99m })]),
            new(ChatRole.Tool, [new FunctionResultContent("toolu_1", new { ok = true, summary = "Price set to £12.99/month." })]),
        ];

        var response = await client.GetResponseAsync(messages, options);

        response.Text.ShouldBe("Done: your price is £12.99.");
        response.Usage.ShouldNotBeNull().OutputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
        var sent = _server.Requests.Single();
        sent.Stream.ShouldBeFalse();
        sent.Model.ShouldBe("claude-sonnet-4-5");
        sent.ToolNames.ShouldBe(["set_subscription_price"]);
        sent.System.ShouldBe("You are Avery.");
        sent.IsToolRound.ShouldBeTrue();
        sent.ToolResults.Single().ShouldContain("Price set to £12.99/month.");
        sent.Body.GetProperty("system").GetString().ShouldBe("You are Avery.", "the system prompt is the top-level field, not a message");
        sent.Body.GetProperty("max_tokens").GetInt32().ShouldBe(321);
        sent.Body.GetProperty("temperature").GetDouble().ShouldBe(1.0, 0.001, "Claude's temperature range ends at 1");
        var wire = sent.Body.GetProperty("messages");
        wire[0].GetProperty("role").GetString().ShouldBe("user", "a history opening with the assistant's greeting gets a user turn first");
        var toolUse = wire[3].GetProperty("content")[0];
        toolUse.GetProperty("type").GetString().ShouldBe("tool_use");
        toolUse.GetProperty("id").GetString().ShouldBe("toolu_1");
        toolUse.GetProperty("input").GetProperty("price").GetDecimal().ShouldBe(12.99m);
        var result = wire[4].GetProperty("content")[0];
        wire[4].GetProperty("role").GetString().ShouldBe("user");
        result.GetProperty("type").GetString().ShouldBe("tool_result");
        result.GetProperty("tool_use_id").GetString().ShouldBe("toolu_1");
        sent.Body.GetProperty("tools")[0].GetProperty("input_schema").GetProperty("required")[0].GetString().ShouldBe("price");
    }

    [Fact]
    public async Task Json_mode_is_asked_for_in_the_system_prompt()
    {
        _server.Enqueue(FakeStep.Say("""{"title":"T"}"""));
        using var client = Client();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.System, "Write a blog."), new ChatMessage(ChatRole.User, "Topic: x")], new ChatOptions { ResponseFormat = ChatResponseFormat.Json });

        response.Text.ShouldBe("""{"title":"T"}""");
        _server.Requests.Single().WantsJson.ShouldBeTrue();
        _server.Requests.Single().System.ShouldStartWith("Write a blog.");
    }

    [Theory]
    [InlineData(429, "2", ProviderFailure.RateLimited)]
    [InlineData(529, null, ProviderFailure.RateLimited)]
    [InlineData(500, null, ProviderFailure.ApiError)]
    [InlineData(400, null, ProviderFailure.ApiError)]
    public async Task Http_errors_are_classified_with_their_retry_after(int status, string? retryAfter, ProviderFailure expected)
    {
        _server.Enqueue(FakeStep.Fail(status, retryAfter));
        using var client = Client();

        var failure = await Should.ThrowAsync<ProviderException>(() => client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]).ToChatResponseAsync());

        failure.Failure.ShouldBe(expected);
        failure.Status.ShouldBe(status);
        failure.RetryAfter.ShouldBe(retryAfter is null ? null : TimeSpan.FromSeconds(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture)));
        failure.Message.ShouldNotContain("test-key");
        _server.ChatRequests.ShouldBe(1, "the SDK's own retries are off: the error table is applied once, by the runtime");
    }

    [Theory]
    [InlineData("overloaded_error", ProviderFailure.RateLimited)]
    [InlineData("api_error", ProviderFailure.ApiError)]
    public async Task An_error_event_mid_stream_is_classified(string errorType, ProviderFailure expected)
    {
        _server.Enqueue(FakeStep.FailMidStream(errorType));
        using var client = Client();

        var failure = await Should.ThrowAsync<ProviderException>(() => client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]).ToChatResponseAsync());

        failure.Failure.ShouldBe(expected);
    }

    [Fact]
    public async Task A_request_the_real_api_would_refuse_is_an_api_error()
    {
        using var client = Client();

        var failure = await Should.ThrowAsync<ProviderException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.Tool, [new FunctionResultContent("toolu_unknown", "orphan")])]));

        failure.Failure.ShouldBe(ProviderFailure.ApiError);
        failure.Status.ShouldBe(400);
    }
}
