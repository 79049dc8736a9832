using System.Diagnostics;
using CreatorOS.FakeProviders;
using CreatorOS.Modules.Assistant.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>A model's words reach the coach while it is still writing, over a real socket, and a broken stream is never shown twice.</summary>
public sealed class LlmStreamingTests
{
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
        await using var llm = await LlmAvery.StartAsync(provider: provider);
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
        await using var llm = await LlmAvery.StartAsync(provider: provider);
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

    [Theory]
    [InlineData("openai")]
    [InlineData("anthropic")]
    public async Task A_timed_out_call_tells_the_coach_to_give_it_a_second_while_it_is_retried(string provider)
    {
        await using var llm = await LlmAvery.StartAsync(new Dictionary<string, string?> { ["Ai:Timeout"] = "00:00:01" }, provider);
        await using var chat = await llm.OpenChatAsync();
        llm.Model.Enqueue(FakeStep.Say("too late") with { Delay = TimeSpan.FromSeconds(3) }, FakeStep.Say("Here I am, sorry for the wait!"));

        var turn = await chat.SayAsync("hello?");

        var chunks = turn.Frames.Where(f => f.Type == "avery_stream_chunk").Select(f => f.Text("text")!).ToList();
        chunks[0].ShouldBe("Give me one sec... 🤔", "spec 2.4: a timeout is retried and the coach is told so");
        string.Concat(chunks).ShouldBe("Give me one sec... 🤔\n\nHere I am, sorry for the wait!");
        turn.Reply.ShouldBe("Here I am, sorry for the wait!", "the final message is the answer; the status line was for the wait");
        (await SavedReplyAsync(llm.Avery, turn.End.Text("id")!)).ShouldBe(turn.Reply);
        llm.Model.ChatRequests.ShouldBe(2);
    }

    [Fact]
    public async Task After_tool_calls_the_answer_streams_after_the_tool_frames()
    {
        await using var llm = await LlmAvery.StartAsync(provider: "anthropic");
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
    }
}
