using System.Text.Json;
using CreatorOS.AgentRuntime;
using CreatorOS.AgentRuntime.Providers;
using CreatorOS.FakeProviders;
using Microsoft.Extensions.AI;

namespace CreatorOS.IntegrationTests.AgentRuntime;

/// <summary>The production OpenAI adapter against a loopback server speaking the chat-completions wire format.</summary>
public sealed class OpenAiAdapterTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private OpenAiCompatibleChatClient Client(string model = "gpt-4o-mini") =>
        new(new AgentRuntimeOptions { Provider = "openai", BaseUrl = _server.BaseUrl, ApiKey = "test-key", ConversationModel = model }, TimeProvider.System);

    [Fact]
    public async Task Text_streams_in_pieces_with_usage_at_the_end()
    {
        _server.Enqueue(FakeStep.Say("Hi Sam! What should I call you on your store?"));
        using var client = Client();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
        {
            updates.Add(update);
        }

        updates.Count(u => u.Text.Length > 0).ShouldBeGreaterThan(3, "the text arrives in several deltas");
        var response = updates.ToChatResponse();
        response.Text.ShouldBe("Hi Sam! What should I call you on your store?");
        response.Usage.ShouldNotBeNull();
        response.Usage.InputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
        response.Usage.OutputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
        _server.Requests.Single().Stream.ShouldBeTrue();
        _server.Requests.Single().Model.ShouldBe("gpt-4o-mini");
    }

    [Fact]
    public async Task A_stream_that_breaks_after_some_words_delivers_them_then_fails_as_an_api_error()
    {
        _server.Enqueue(FakeStep.FailMidStream("server_error", "Great to meet you, let me just set"));
        using var client = Client();

        var words = new List<string>();
        var failure = await Should.ThrowAsync<ProviderException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
            {
                words.Add(update.Text);
            }
        });

        failure.Failure.ShouldBe(ProviderFailure.ApiError);
        string.Concat(words).ShouldBe("Great to meet you, let me just set");
    }

    [Fact]
    public async Task Streamed_tool_call_fragments_are_assembled_into_whole_calls()
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
        calls[1].CallId.ShouldNotBe(calls[0].CallId);
        response.FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
    }

    [Fact]
    public async Task Malformed_tool_arguments_become_a_call_that_carries_the_parse_error()
    {
        _server.Enqueue(FakeStep.Call("set_subscription_price", """{"price": 12.99, """));
        using var client = Client();

        var response = await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "£12.99")]).ToChatResponseAsync();

        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();
        call.Exception.ShouldNotBeNull();
        call.Arguments.ShouldNotBeNull().ShouldBeEmpty();
    }

    [Fact]
    public async Task Tools_system_prompt_tool_calls_and_results_go_out_in_the_wire_format()
    {
        _server.Enqueue(FakeStep.Say("Done: your price is £12.99."));
        using var client = Client();
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"price":{"type":"number"}},"required":["price"]}""").RootElement;
        var options = new ChatOptions { Tools = [AIFunctionFactory.CreateDeclaration("set_subscription_price", "Set the price", schema)], ModelId = "gpt-4o" };
        ChatMessage[] messages =
        [
            new(ChatRole.System, "You are Avery."),
            new(ChatRole.User, "£12.99 please"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "set_subscription_price", new Dictionary<string, object?> { ["price"] = 12.99m })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", new { ok = true, summary = "Price set to £12.99/month." })]),
        ];

        var response = await client.GetResponseAsync(messages, options);

        response.Text.ShouldBe("Done: your price is £12.99.");
        var sent = _server.Requests.Single();
        sent.Stream.ShouldBeFalse();
        sent.Model.ShouldBe("gpt-4o");
        sent.ToolNames.ShouldBe(["set_subscription_price"]);
        sent.System.ShouldBe("You are Avery.");
        sent.IsToolRound.ShouldBeTrue();
        sent.ToolResults.Single().ShouldContain("Price set to £12.99/month.");
        var wire = sent.Body.GetProperty("messages")[2].GetProperty("tool_calls")[0];
        wire.GetProperty("id").GetString().ShouldBe("call_1");
        wire.GetProperty("function").GetProperty("name").GetString().ShouldBe("set_subscription_price");
        JsonDocument.Parse(wire.GetProperty("function").GetProperty("arguments").GetString()!).RootElement.GetProperty("price").GetDecimal().ShouldBe(12.99m);
        sent.Body.GetProperty("tools")[0].GetProperty("function").GetProperty("parameters").GetProperty("required")[0].GetString().ShouldBe("price");
    }

    [Fact]
    public async Task Http_errors_are_classified_with_their_retry_after()
    {
        _server.Enqueue(FakeStep.Fail(429, "2"), FakeStep.Fail(500));
        using var client = Client();

        var limited = await Should.ThrowAsync<ProviderException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));
        var broken = await Should.ThrowAsync<ProviderException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));

        limited.Failure.ShouldBe(ProviderFailure.RateLimited);
        limited.RetryAfter.ShouldBe(TimeSpan.FromSeconds(2));
        limited.Message.ShouldNotContain("test-key");
        broken.Failure.ShouldBe(ProviderFailure.ApiError);
        broken.Status.ShouldBe(500);
        _server.ChatRequests.ShouldBe(2, "the SDK's own retries are off: the error table is applied once, by the runtime");
    }
}
