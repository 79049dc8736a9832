using System.Diagnostics;
using CreatorOS.FakeProviders;
using CreatorOS.Modules.Assistant.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>
/// By default (<c>Ai:StreamModelWords=false</c>, ADR 18) a model's reply streams after the turn's tool
/// frames, in PROTOCOL.md's order; with the option on, its words reach the coach while it is still
/// writing (ADR 16). Over a real socket; a broken stream is never shown twice.
/// </summary>
public sealed class LlmStreamingTests
{
    private static readonly Dictionary<string, string?> LiveWords = new() { ["Ai:StreamModelWords"] = "true" };

    private static string Streamed(TurnFrames turn) => string.Concat(turn.Frames.Where(f => f.Type == "avery_stream_chunk").Select(f => f.Text("text")));

    private static async Task<string> SavedReplyAsync(LiveAvery avery, string id)
    {
        await using var scope = avery.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        return (await db.Messages.AsNoTracking().SingleAsync(m => m.Id == Guid.Parse(id))).Content;
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("anthropic")]
    public async Task The_first_words_arrive_while_the_model_is_still_writing(string provider)
    {
        await using var llm = await LlmAvery.StartAsync(LiveWords, provider);
        await using var chat = await llm.OpenChatAsync();
        const string answer = "Lovely to meet you! Before we build your store, what should I call you?";
        llm.Model.Enqueue(FakeStep.Say(answer) with { PieceDelay = TimeSpan.FromMilliseconds(60) });

        var clock = Stopwatch.StartNew();
        await chat.SendAsync("coach_message", new { text = "hi" });
        TimeSpan? firstChunk = null;
        var chunks = new List<string>();
        Frame end;
        while (true)
        {
            var frame = await chat.NextAsync();
            if (frame.Type == "avery_stream_chunk")
            {
                firstChunk ??= clock.Elapsed;
                chunks.Add(frame.Text("text")!);
            }

            if (frame.Type == "avery_stream_end")
            {
                end = frame;
                break;
            }
        }

        var streamEnded = clock.Elapsed;
        firstChunk.ShouldNotBeNull();
        (streamEnded - firstChunk.Value).ShouldBeGreaterThan(TimeSpan.FromMilliseconds(300), "the fake takes about 0.5 s to write the answer; chunks assembled first would all arrive at its end");
        chunks.Count.ShouldBeGreaterThan(3);
        string.Concat(chunks).ShouldBe(answer);
        end.Text("content").ShouldBe(answer);
        (await SavedReplyAsync(llm.Avery, end.Text("id")!)).ShouldBe(answer);
        (await chat.NextAsync()).Type.ShouldBe("avery_typing");
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("anthropic")]
    public async Task By_default_the_words_wait_until_the_model_has_finished(string provider)
    {
        await using var llm = await LlmAvery.StartAsync(provider: provider);
        await using var chat = await llm.OpenChatAsync();
        const string answer = "Lovely to meet you! Before we build your store, what should I call you?";
        llm.Model.Enqueue(FakeStep.Say(answer) with { PieceDelay = TimeSpan.FromMilliseconds(60) });

        var clock = Stopwatch.StartNew();
        await chat.SendAsync("coach_message", new { text = "hi" });
        var firstChunk = await chat.NextOfTypeAsync("avery_stream_chunk");
        var waited = clock.Elapsed;
        var turn = await chat.TurnAsync();

        waited.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(400), "the fake takes about 0.5 s to write the answer, and no word is shown before it is complete");
        (firstChunk.Text("text") + Streamed(turn)).ShouldBe(answer);
        turn.Reply.ShouldBe(answer);
    }

    [Fact]
    public async Task With_the_providers_moderation_endpoint_no_word_is_shown_before_the_endpoint_passed_the_reply()
    {
        await using var llm = await LlmAvery.StartAsync(new Dictionary<string, string?> { ["Ai:Moderation"] = "openai" });
        await using var chat = await llm.OpenChatAsync();
        // The word list does not know the fake's flag word: only the endpoint can catch this reply.
        llm.Model.Enqueue(FakeStep.Say("Sure thing, here is a forbidden-word answer written slowly for you.") with { PieceDelay = TimeSpan.FromMilliseconds(20) });

        var turn = await chat.SayAsync("Sam");

        turn.Error.ShouldBeNull();
        var shown = string.Concat(turn.Frames.Where(f => f.Type == "avery_stream_chunk").Select(f => f.Text("text")));
        shown.ShouldNotContain("forbidden-word");
        shown.ShouldNotContain("Sure thing", customMessage: "none of the flagged reply is shown, not even the words before the flagged one");
        shown.ShouldBe(turn.Reply, "the offline answer that replaced it streams as usual");
        turn.Reply.ShouldContain("Sam");
        llm.Model.Requests.Count(r => r.Path.EndsWith("/moderations", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2, "the coach's input and the model's reply were both sent to the endpoint");
    }

    [Theory]
    [InlineData("openai", "server_error")]
    [InlineData("anthropic", "api_error")]
    public async Task A_stream_that_breaks_after_some_words_is_replaced_by_the_offline_answer_not_repeated(string provider, string errorType)
    {
        await using var llm = await LlmAvery.StartAsync(LiveWords, provider);
        await using var chat = await llm.OpenChatAsync();
        llm.Model.Enqueue(FakeStep.FailMidStream(errorType, "Great to meet you, let me just set"));

        var turn = await chat.SayAsync("Sam");

        turn.Error.ShouldBeNull();
        var shown = string.Concat(turn.Frames.Where(f => f.Type == "avery_stream_chunk").Select(f => f.Text("text")));
        shown.ShouldStartWith("Great to meet you", customMessage: "the model's first words were streamed live");
        turn.Reply.ShouldContain("Sam", customMessage: "the offline brain answered the same turn");
        turn.Reply.ShouldNotContain("Great to meet you", customMessage: "the final message does not repeat the broken words");
        shown.ShouldNotContain(turn.Reply, customMessage: "the offline answer is not streamed after the broken words");
        turn.Frames.Count(f => f.Type == "avery_stream_end").ShouldBe(1);
        turn.Frames.Count(f => f.Type == "avery_message").ShouldBe(0);
        (await SavedReplyAsync(llm.Avery, turn.End.Text("id")!)).ShouldBe(turn.Reply);
        (await llm.Avery.StoreAsync()).Profile.PreferredName.ShouldBe("Sam");
        llm.Model.ChatRequests.ShouldBe(1, "a stream that already spoke is never retried");
        await using var scope = llm.Avery.Host.Services.CreateAsyncScope();
        var fallback = await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().Events.AsNoTracking().SingleAsync(e => e.EventName == "avery_llm_fallback");
        fallback.Properties.ShouldContain("\"afterWords\":true");
    }

    [Fact]
    public async Task By_default_a_stream_that_breaks_is_never_seen_and_the_offline_answer_streams_whole()
    {
        await using var llm = await LlmAvery.StartAsync();
        await using var chat = await llm.OpenChatAsync();
        llm.Model.Enqueue(FakeStep.FailMidStream("server_error", "Great to meet you, let me just set"));

        var turn = await chat.SayAsync("Sam");

        TurnOrder.Assert(turn);
        Streamed(turn).ShouldBe(turn.Reply);
        turn.Reply.ShouldContain("Sam", customMessage: "the offline brain answered the same turn");
        await using var scope = llm.Avery.Host.Services.CreateAsyncScope();
        var fallback = await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().Events.AsNoTracking().SingleAsync(e => e.EventName == "avery_llm_fallback");
        fallback.Properties.ShouldContain("\"afterWords\":false");
    }

    [Theory]
    [InlineData("openai", false)]
    [InlineData("anthropic", false)]
    [InlineData("openai", true)]
    [InlineData("anthropic", true)]
    public async Task A_timed_out_call_tells_the_coach_to_give_it_a_second_while_it_is_retried(string provider, bool liveWords)
    {
        await using var llm = await LlmAvery.StartAsync(new Dictionary<string, string?> { ["Ai:Timeout"] = "00:00:01", ["Ai:StreamModelWords"] = liveWords ? "true" : "false" }, provider);
        await using var chat = await llm.OpenChatAsync();
        llm.Model.Enqueue(FakeStep.Say("too late") with { Delay = TimeSpan.FromSeconds(3) }, FakeStep.Say("Here I am, sorry for the wait!"));

        var turn = await chat.SayAsync("hello?");

        var chunks = turn.Frames.Where(f => f.Type == "avery_stream_chunk").Select(f => f.Text("text")!).ToList();
        chunks[0].ShouldBe("Give me one sec... 🤔", "spec 2.4: a timeout is retried and the coach is told so");
        string.Concat(chunks).ShouldBe("Give me one sec... 🤔\n\nHere I am, sorry for the wait!", "live or not, the answer follows the line as a piece of its own");
        TurnOrder.Assert(turn);
        turn.Reply.ShouldBe("Here I am, sorry for the wait!", "the final message is the answer; the status line was for the wait");
        (await SavedReplyAsync(llm.Avery, turn.End.Text("id")!)).ShouldBe(turn.Reply);
        llm.Model.ChatRequests.ShouldBe(2);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_tool_calls_the_answer_streams_after_the_tool_frames(bool liveWords)
    {
        await using var llm = await LlmAvery.StartAsync(liveWords ? LiveWords : null, "anthropic");
        await using var chat = await llm.OpenChatAsync();
        llm.Model.Enqueue(
            FakeStep.Call("update_coach_profile", """{"preferred_name":"Sam"}"""),
            FakeStep.Say("Lovely to meet you, Sam! What do you coach?"));

        var turn = await chat.SayAsync("I'm Sam");

        turn.ToolsRun.ShouldBe(["update_coach_profile"]);
        turn.Reply.ShouldBe("Lovely to meet you, Sam! What do you coach?");
        string.Concat(turn.Frames.Where(f => f.Type == "avery_stream_chunk").Select(f => f.Text("text"))).ShouldBe(turn.Reply);
        var types = turn.Frames.Select(f => f.Type).ToList();
        types.IndexOf("avery_stream_chunk").ShouldBeGreaterThan(types.IndexOf("function_complete"));
        types.IndexOf("avery_stream_chunk").ShouldBeGreaterThan(types.IndexOf("progress_update"), "progress goes out after the tool round, before the final round's words");
        TurnOrder.Assert(turn);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("anthropic")]
    public async Task By_default_words_written_before_a_tool_call_keep_the_protocols_order(string provider)
    {
        await using var llm = await LlmAvery.StartAsync(provider: provider);
        await using var chat = await llm.OpenChatAsync();
        llm.Model.Enqueue(
            FakeStep.SayThenCall("Great name! Let me save that for you.", "update_coach_profile", """{"preferred_name":"Sam"}"""),
            FakeStep.Say("Lovely to meet you, Sam! What do you coach?"));

        var turn = await chat.SayAsync("I'm Sam");

        TurnOrder.Assert(turn);
        turn.ToolsRun.ShouldBe(["update_coach_profile"]);
        turn.Reply.ShouldBe("Lovely to meet you, Sam! What do you coach?");
        Streamed(turn).ShouldBe(turn.Reply, "the words before the call are never shown; the final reply streams after the tool frames");
        var types = turn.Frames.Select(f => f.Type).ToList();
        types.IndexOf("avery_stream_chunk").ShouldBeGreaterThan(types.LastIndexOf("progress_update"));
        (await SavedReplyAsync(llm.Avery, turn.End.Text("id")!)).ShouldBe(turn.Reply);
        (await llm.Avery.StoreAsync()).Profile.PreferredName.ShouldBe("Sam");
    }

    [Fact]
    public async Task With_live_words_the_words_before_a_tool_call_precede_its_frames_and_the_final_message_replaces_them()
    {
        await using var llm = await LlmAvery.StartAsync(LiveWords);
        await using var chat = await llm.OpenChatAsync();
        llm.Model.Enqueue(
            FakeStep.SayThenCall("Great name! Let me save that for you.", "update_coach_profile", """{"preferred_name":"Sam"}"""),
            FakeStep.Say("Lovely to meet you, Sam! What do you coach?"));

        var turn = await chat.SayAsync("I'm Sam");

        TurnOrder.AssertWithLiveWords(turn);
        Should.Throw<ShouldAssertException>(() => TurnOrder.Assert(turn), "ADR 16's remaining deviation: live words precede the call's frames");
        var types = turn.Frames.Select(f => f.Type).ToList();
        types.IndexOf("avery_stream_chunk").ShouldBeLessThan(types.IndexOf("function_executing"));
        Streamed(turn).ShouldStartWith("Great name! Let me save that for you.");
        turn.Reply.ShouldBe("Lovely to meet you, Sam! What do you coach?", "the final message is the complete reply, without the words before the call");
    }
}
