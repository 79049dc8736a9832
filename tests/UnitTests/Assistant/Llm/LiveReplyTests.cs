using System.Text.Json;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Protocol;

namespace CreatorOS.UnitTests.Assistant.Llm;

public sealed class LiveReplyTests
{
    private sealed class Frames : IFrameSink
    {
        public List<string> Chunks { get; } = [];

        public ValueTask SendAsync(string type, object payload, string? replyTo = null)
        {
            type.ShouldBe(ServerFrames.StreamChunk);
            Chunks.Add(JsonSerializer.SerializeToElement(payload).GetProperty("text").GetString()!);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Whole_words_are_shown_as_they_arrive_and_nothing_is_left_when_the_reply_is_what_was_shown()
    {
        var frames = new Frames();
        var live = new LiveReply(frames, "c-1", streamsLive: true);

        await live.WriteAsync("  Lovely to me");
        frames.Chunks.ShouldBe(["Lovely to"], "leading spaces and the growing word wait");
        await live.WriteAsync("et you, Sam! ");
        await live.EndPieceAsync();

        string.Concat(frames.Chunks).ShouldBe("Lovely to meet you, Sam!");
        live.Rest("Lovely to meet you, Sam!").ShouldBeEmpty();
    }

    [Fact]
    public void Without_anything_shown_the_whole_reply_is_left_to_stream()
    {
        var live = new LiveReply(new Frames(), null, streamsLive: true);

        live.Rest("The offline answer.").ShouldBe("The offline answer.");
    }

    [Fact]
    public async Task A_reply_that_does_not_continue_the_shown_words_replaces_them()
    {
        var frames = new Frames();
        var live = new LiveReply(frames, null, streamsLive: true);

        await live.WriteAsync("Great, let me just ");

        live.Rest("Nice to meet you, Sam!").ShouldBeEmpty("the final message replaces the broken one; nothing is streamed twice");
        string.Concat(frames.Chunks).ShouldBe("Great, let me just");
    }

    [Fact]
    public async Task A_flagged_word_is_held_back_and_nothing_is_shown_after_it()
    {
        var frames = new Frames();
        var live = new LiveReply(frames, null, streamsLive: true);

        await live.WriteAsync("Sure, here is some po");
        await live.WriteAsync("rn for you, and more words after it.");
        await live.EndPieceAsync();

        string.Concat(frames.Chunks).ShouldBe("Sure, here is some");
    }

    [Fact]
    public async Task A_status_line_is_said_once_and_set_apart_from_the_answer_by_a_blank_line()
    {
        var frames = new Frames();
        var live = new LiveReply(frames, null, streamsLive: true);

        await live.SayOnceAsync("Give me one sec... 🤔");
        await live.SayOnceAsync("Give me one sec... 🤔");
        await live.WriteAsync("Here I am!");
        await live.EndPieceAsync();

        live.Shown.ShouldBe("Give me one sec... 🤔\n\nHere I am!");
        live.Rest("Here I am!").ShouldBeEmpty("the final message is the answer alone");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_only_a_status_line_the_reply_streams_whole_as_a_piece_of_its_own(bool streamsLive)
    {
        var frames = new Frames();
        var live = new LiveReply(frames, null, streamsLive);

        await live.SayOnceAsync("Give me one sec... 🤔");

        frames.Chunks.ShouldBe(["Give me one sec... 🤔"], "spec 2.4: the coach hears the line in either mode");
        live.WordsShown.ShouldBeFalse();
        live.Rest("The offline answer.").ShouldBe("\n\nThe offline answer.", "a status line is not the reply's start, so the reply still streams after it");
    }

    [Fact]
    public async Task When_an_endpoint_judges_the_whole_reply_nothing_is_shown_until_it_has()
    {
        var frames = new Frames();
        var live = new LiveReply(frames, null, streamsLive: false);

        await live.WriteAsync("Here is a sentence the endpoint has not judged yet. ");
        await live.EndPieceAsync();

        frames.Chunks.ShouldBeEmpty();
        live.Rest("Here is the reply that passed.").ShouldBe("Here is the reply that passed.", "the judged reply streams whole afterwards");
    }
}
