namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>
/// PROTOCOL.md's "A turn", checked on the frames a client received (the engine's sink, one frame
/// per socket message): <c>avery_typing {isTyping:true}</c>, any number of function / preview /
/// progress frames, one or more <c>avery_stream_chunk</c>, exactly one <c>avery_stream_end</c>,
/// <c>avery_typing {isTyping:false}</c>, every frame answering the same client message. Frames not
/// produced by the turn (celebration, mode_change) may follow it. A rejected message is one error frame.
/// </summary>
internal static class TurnOrder
{
    private static readonly HashSet<string> Work = ["function_executing", "function_complete", "store_preview_update", "progress_update"];

    private static readonly HashSet<string> After = ["celebration", "mode_change"];

    /// <summary>The protocol's order, strictly: no chunk before the last function/preview/progress frame.</summary>
    public static void Assert(TurnFrames turn) => Check(turn.Frames, liveWords: false);

    /// <summary>
    /// <c>Ai:StreamModelWords=true</c> (ADR 16, 18): words a model writes before calling a tool may come
    /// before that call's frames. Everything else holds, and the turn still ends in chunks.
    /// </summary>
    public static void AssertWithLiveWords(TurnFrames turn) => Check(turn.Frames, liveWords: true);

    private static void Check(IReadOnlyList<Frame> frames, bool liveWords)
    {
        void Fail(string why) => throw new ShouldAssertException($"Turn out of PROTOCOL.md order: {why}\n{string.Join("\n", frames.Select((f, i) => $"  {i}: {f.Type} {f.Payload}"))}");

        if (frames is [{ Type: "error" }])
        {
            return;
        }

        if (frames.Count == 0 || !IsTyping(frames[0], true))
        {
            Fail("the first frame must be avery_typing {isTyping:true}");
        }

        var off = -1;
        for (var i = 1; i < frames.Count; i++)
        {
            if (IsTyping(frames[i], false))
            {
                off = i;
                break;
            }
        }

        if (off < 0)
        {
            Fail("no avery_typing {isTyping:false}");
        }

        var end = off - 1;
        if (frames[end].Type != "avery_stream_end")
        {
            Fail($"frame {end} is {frames[end].Type}; the frame before typing off must be the one avery_stream_end");
        }

        if (frames.Take(end).Any(f => f.Type == "avery_stream_end"))
        {
            Fail("more than one avery_stream_end");
        }

        if (frames[end - 1].Type != "avery_stream_chunk")
        {
            Fail($"frame {end - 1} is {frames[end - 1].Type}; the reply must stream in chunks right before avery_stream_end");
        }

        var chunkSeen = false;
        var executing = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < end; i++)
        {
            var frame = frames[i];
            if (frame.Type == "avery_stream_chunk")
            {
                chunkSeen = true;
                continue;
            }

            if (!Work.Contains(frame.Type))
            {
                Fail($"frame {i} ({frame.Type}) does not belong inside a turn");
            }

            if (chunkSeen && !liveWords)
            {
                Fail($"frame {i} ({frame.Type}) comes after an avery_stream_chunk");
            }

            // Each function_complete closes a function_executing of the same name sent before it.
            var name = frame.Text("name") ?? string.Empty;
            if (frame.Type == "function_executing")
            {
                executing[name] = executing.GetValueOrDefault(name) + 1;
            }
            else if (frame.Type == "function_complete")
            {
                if (executing.GetValueOrDefault(name) == 0)
                {
                    Fail($"frame {i}: function_complete {name} without a function_executing before it");
                }

                executing[name]--;
            }
        }

        if (executing.Any(e => e.Value != 0))
        {
            Fail("a function_executing has no function_complete");
        }

        var replyTo = frames[0].ReplyTo;
        if (replyTo is null || frames.Take(off + 1).Any(f => f.ReplyTo != replyTo))
        {
            Fail($"every frame of the turn answers the client's message (replyTo {replyTo ?? "missing"})");
        }

        for (var i = off + 1; i < frames.Count; i++)
        {
            if (!After.Contains(frames[i].Type))
            {
                Fail($"frame {i} ({frames[i].Type}) follows the turn's last frame");
            }
        }
    }

    private static bool IsTyping(Frame frame, bool typing) =>
        frame.Type == "avery_typing" && frame.Payload.TryGetProperty("isTyping", out var value) && value.GetBoolean() == typing;
}
