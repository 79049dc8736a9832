using System.Text.Json;
using CreatorOS.FakeProviders;
using CreatorOS.Modules.Assistant.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>Avery on <c>Ai:Provider=anthropic</c> end to end: real sockets, engine and tools, a loopback Messages API.</summary>
public sealed class AnthropicBrainTests
{
    private static Task<LlmAvery> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) => LlmAvery.StartAsync(settings, "anthropic");

    private static async Task<List<JsonElement>> EventsAsync(LiveAvery avery, string name)
    {
        await using var scope = avery.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var events = await db.Events.AsNoTracking().Where(e => e.EventName == name).ToListAsync();
        return [.. events.OrderBy(e => e.CreatedAt).Select(e => JsonDocument.Parse(e.Properties).RootElement.Clone())];
    }

    [Fact]
    public async Task Streamed_tool_use_changes_the_store_and_every_call_is_priced_as_a_claude_model()
    {
        await using var llm = await StartAsync();
        await using var chat = await llm.OpenChatAsync();
        llm.Model.Enqueue(
            FakeStep.Call(
                new FakeToolCall("update_coach_profile", """{"preferred_name":"Sammmy","niche":"fitness"}"""),
                new FakeToolCall("get_niche_benchmarks", """{"niche":"fitness"}""")),
            FakeStep.Say("Lovely to meet you, Sammmy!"));

        var turn = await chat.SayAsync("I'm Sammmy and I coach fitness");

        turn.ToolsRun.ShouldBe(["update_coach_profile", "get_niche_benchmarks"]);
        turn.Reply.ShouldBe("Lovely to meet you, Sammmy!");
        (await llm.Avery.StoreAsync()).Profile.PreferredName.ShouldBe("Sammmy");
        var first = llm.Model.Requests[0];
        first.Model.ShouldBe("claude-haiku-4-5");
        first.Body.GetProperty("system").GetString()!.ShouldContain("You are Avery");
        first.Body.GetProperty("max_tokens").GetInt32().ShouldBe(500);
        first.ToolNames.Count.ShouldBe(16);
        var phrasing = llm.Model.Requests[1];
        phrasing.IsToolRound.ShouldBeTrue();
        phrasing.ToolResults.Count.ShouldBe(2, "both tool results travel back as tool_result blocks of one user turn");
        var calls = await EventsAsync(llm.Avery, "avery_api_call");
        calls.Count.ShouldBe(2);
        calls.ShouldAllBe(c => c.GetProperty("provider").GetString() == "anthropic");
        calls.ShouldAllBe(c => c.GetProperty("priced").GetBoolean());
        calls.ShouldAllBe(c => c.GetProperty("costUsd").GetDecimal() > 0m);
        calls[0].GetProperty("model").GetString().ShouldBe("claude-haiku-4-5-20251001");
    }

    [Fact]
    public async Task Overloaded_answers_are_retried_then_the_offline_brain_answers_the_same_turn()
    {
        await using var llm = await StartAsync();
        await using var chat = await llm.OpenChatAsync();
        llm.Model.Responder = _ => FakeStep.Fail(529, "0");

        var turn = await chat.SayAsync("Sam");

        turn.Error.ShouldBeNull();
        turn.Reply.ShouldContain("Sam", customMessage: "the offline brain understood the name");
        llm.Model.ChatRequests.ShouldBe(4, "a rate-limit row: three retries");
        (await EventsAsync(llm.Avery, "avery_llm_fallback")).Single().GetProperty("reason").GetString().ShouldBe("RateLimited");
        (await EventsAsync(llm.Avery, "avery_api_call")).Single().GetProperty("status").GetInt32().ShouldBe(529);
    }

    [Fact]
    public async Task An_api_error_is_not_retried_and_falls_back()
    {
        await using var llm = await StartAsync();
        await using var chat = await llm.OpenChatAsync();
        llm.Model.Enqueue(FakeStep.Fail(500));

        var turn = await chat.SayAsync("Sam");

        turn.Reply.ShouldContain("Sam");
        llm.Model.ChatRequests.ShouldBe(1);
        (await EventsAsync(llm.Avery, "avery_llm_fallback")).Single().GetProperty("reason").GetString().ShouldBe("ApiError");
    }

    [Fact]
    public async Task Malformed_tool_input_changes_nothing_and_the_model_is_asked_to_clarify()
    {
        await using var llm = await StartAsync();
        await using var chat = await llm.OpenChatAsync();
        llm.Model.Enqueue(FakeStep.Call("update_coach_profile", """{"preferred_name": "Sa"""), FakeStep.Say("Sorry, could you say your name again?"));

        var turn = await chat.SayAsync("I'm Sam");

        turn.Reply.ShouldBe("Sorry, could you say your name again?");
        llm.Model.Requests[1].ToolResults.Single().ShouldContain("garbled");
        (await llm.Avery.StoreAsync()).Profile.PreferredName.ShouldBeNull();
    }
}
