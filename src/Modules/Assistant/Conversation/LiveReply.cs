using System.Text;
using CreatorOS.Modules.Assistant.Protocol;
using CreatorOS.Modules.Assistant.Safety;

namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>
/// The words of a turn's reply the coach has already seen: a model's text goes out as
/// <c>avery_stream_chunk</c> frames while the model is still writing. Whole words only, and only
/// after the word list passed the text so far, so a flagged word is held back before it is shown
/// (the configured moderator still checks the complete reply). When the reply the turn ends with
/// does not continue what was shown (a provider failed mid-stream, the model's words were flagged,
/// it spoke before calling a tool), <see cref="Rest"/> is empty and the <c>avery_stream_end</c>
/// message replaces the streamed text: clients render that complete message, never both.
/// With <paramref name="streamsLive"/> false (the default <c>Ai:StreamModelWords=false</c>, ADR 18,
/// or a provider's moderation endpoint, which judges only the complete reply) the model's words are
/// held, and the final reply is streamed after the turn's tool frames, as the offline brain's is.
/// Status lines (<see cref="SayOnceAsync"/>) are said in both modes.
/// </summary>
internal sealed class LiveReply(IFrameSink sink, string? replyTo, bool streamsLive)
{
    private const string PieceBreak = "\n\n";

    /// <summary>Phrases of the word list are short: the check looks at the new words and this much before them.</summary>
    private const int CheckedContext = 80;

    private static readonly char[] Spaces = [' ', '\n', '\t', '\r'];

    private readonly StringBuilder _shown = new();
    private readonly StringBuilder _held = new();
    private readonly HashSet<string> _lines = new(StringComparer.Ordinal);
    private bool _breakPending;
    private bool _blocked;

    /// <summary>Everything sent as chunks so far.</summary>
    public string Shown => _shown.ToString();

    /// <summary>True once some of the model's own words were shown, not only status lines.</summary>
    public bool WordsShown { get; private set; }

    /// <summary>Text of the piece being written; shown up to its last complete word.</summary>
    public async ValueTask WriteAsync(string text)
    {
        if (!streamsLive)
        {
            return;
        }

        _held.Append(text);
        var held = _held.ToString();
        var words = held.TrimEnd();
        int end;
        if (words.Length < held.Length)
        {
            end = words.Length;
        }
        else
        {
            // The last word may still be growing ("po" before "rn"): it waits for what follows.
            var space = words.LastIndexOfAny(Spaces);
            end = space < 0 ? 0 : words[..space].TrimEnd().Length;
        }

        if (end > 0)
        {
            await ShowAsync(held[..end], words: true);
            _held.Remove(0, end);
        }
    }

    /// <summary>The piece is complete: its last word is shown, trailing spaces are not.</summary>
    public async ValueTask EndPieceAsync()
    {
        if (!streamsLive)
        {
            return;
        }

        await ShowAsync(_held.ToString().TrimEnd(), words: true);
        _held.Clear();
        _breakPending = _shown.Length > 0;
    }

    /// <summary>
    /// A line of its own, once per turn however often it is asked for, e.g. the error table's
    /// "Give me one sec... 🤔" while a model call is retried. It is not part of the final message.
    /// Said as soon as it is asked for, whatever <c>streamsLive</c> says: spec 2.4 wants the coach to
    /// hear it during the wait. So it is the one chunk that can precede a turn's function frames
    /// without live words: when the call that is retried then asks for a tool (ADR 18).
    /// </summary>
    public async ValueTask SayOnceAsync(string line)
    {
        if (!_lines.Add(line))
        {
            return;
        }

        await ShowAsync(line, words: false);
        _breakPending = _shown.Length > 0;
    }

    /// <summary>
    /// What is left to stream of the final reply: all of it when nothing was shown; after status lines
    /// only, all of it as a piece of its own (so it reads as a live answer after the line would, and the
    /// turn still streams its reply after its tool frames); else what continues the shown words.
    /// </summary>
    public string Rest(string reply) =>
        _shown.Length == 0 ? reply
        : !WordsShown ? (reply.Length == 0 ? reply : PieceBreak + reply)
        : reply.StartsWith(Shown, StringComparison.Ordinal) ? reply[_shown.Length..]
        : string.Empty;

    private async ValueTask ShowAsync(string text, bool words)
    {
        if (_shown.Length == 0)
        {
            text = text.TrimStart();
        }

        if (text.Length == 0 || _blocked)
        {
            return;
        }

        var chunk = _breakPending ? PieceBreak + text.TrimStart() : text;
        if (OfflineModeration.Check(RecentWords() + chunk).Flagged)
        {
            _blocked = true;
            return;
        }

        _breakPending = false;
        WordsShown |= words;
        _shown.Append(chunk);
        await sink.SendAsync(ServerFrames.StreamChunk, new { text = chunk }, replyTo);
    }

    /// <summary>The end of the shown text, starting at a word boundary so a cut word is never judged on its own.</summary>
    private string RecentWords()
    {
        if (_shown.Length <= CheckedContext)
        {
            return Shown;
        }

        var tail = _shown.ToString(_shown.Length - CheckedContext, CheckedContext);
        var boundary = tail.IndexOfAny(Spaces);
        return boundary < 0 ? tail : tail[boundary..];
    }
}
