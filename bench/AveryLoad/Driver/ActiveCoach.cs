using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace CreatorOS.Bench.AveryLoad.Driver;

/// <summary>Latencies of the active phase, gathered across all active coaches.</summary>
internal sealed class TurnStats
{
    /// <summary>Send of the coach message → the turn's <c>avery_stream_end</c>.</summary>
    public Samples RoundTrip { get; } = new();

    /// <summary>The same round trips grouped by script line (<see cref="Script.Label"/>), to find the turns that make the tail.</summary>
    public ConcurrentDictionary<string, Samples> RoundTripByLine { get; } = new(StringComparer.Ordinal);

    /// <summary><c>function_complete</c> of a store-changing tool (sent right after its commit) → the next <c>store_preview_update</c>.</summary>
    public Samples PreviewAfterCommit { get; } = new();

    /// <summary>Send of the coach message → <c>store_preview_update</c>.</summary>
    public Samples PreviewAfterSend { get; } = new();

    private int _sent;
    private int _completed;
    private int _skipped;
    private int _commitsWithoutPreview;

    public int Sent => Volatile.Read(ref _sent);

    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Send slots within the phase that passed while the coach's previous turn was still open: messages the target rate wanted but one-turn-at-a-time could not send.</summary>
    public int Skipped => Volatile.Read(ref _skipped);

    /// <summary>Store-changing tools that reported ok but whose turn ended without a preview push.</summary>
    public int CommitsWithoutPreview => Volatile.Read(ref _commitsWithoutPreview);

    public void CountSent() => Interlocked.Increment(ref _sent);

    public void CountCompleted() => Interlocked.Increment(ref _completed);

    public void CountSkipped(int n) => Interlocked.Add(ref _skipped, n);

    public void CountCommitsWithoutPreview(int n) => Interlocked.Add(ref _commitsWithoutPreview, n);
}

/// <summary>
/// A coach in conversation: sends its next line on a fixed schedule, never with a turn still open
/// (it waits for <c>avery_typing {isTyping:false}</c>), and times the frames of each turn.
/// </summary>
internal sealed class ActiveCoach(CoachSocket socket, Tally errors, TurnStats? stats) : IFrameObserver
{
    public static readonly TimeSpan TurnPatience = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private readonly List<long> _commits = [];
    private string? _turnId;
    private long _sentAt;
    private string _label = string.Empty;
    private bool _ended;
    private TaskCompletionSource? _done;
    private int _turn;

    public int Turns => _turn;

    public bool IsOpen => socket.IsOpen;

    /// <summary>Print each line sent and the frames that answer it (to check the script against the brain).</summary>
    public bool Show { get; set; }

    /// <summary>Sends the coach's lines one turn at a time at <paramref name="interval"/> spacing from <paramref name="firstAt"/> until <paramref name="stopAt"/>.</summary>
    public async Task RunAsync(long firstAt, TimeSpan interval, long stopAt, int maxTurns, CancellationToken cancellationToken)
    {
        socket.Observer = this;
        var slot = 0;
        while (_turn < maxTurns && socket.IsOpen)
        {
            var due = firstAt + (long)(slot * interval.TotalSeconds * Stopwatch.Frequency);
            if (due >= stopAt)
            {
                return;
            }

            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            await TakeTurnAsync(cancellationToken);

            // Keep the schedule: a slow turn costs the slots it overran, it does not cause a burst after.
            if (interval > TimeSpan.Zero)
            {
                var slotTicks = interval.TotalSeconds * Stopwatch.Frequency;
                var next = Math.Max(slot + 1, (int)Math.Ceiling((Stopwatch.GetTimestamp() - firstAt) / slotTicks));
                var slotsInPhase = (int)Math.Ceiling((stopAt - firstAt) / slotTicks);
                var skipped = Math.Min(next, slotsInPhase) - slot - 1;
                if (skipped > 0)
                {
                    stats?.CountSkipped(skipped);
                }

                slot = next;
            }
            else
            {
                slot++;
            }
        }
    }

    private async Task TakeTurnAsync(CancellationToken cancellationToken)
    {
        var id = "b-" + _turn.ToString(CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _turnId = id;
            _ended = false;
            _commits.Clear();
            _done = done;
            _sentAt = Stopwatch.GetTimestamp();
            _label = Script.Label(_turn);
        }

        var text = Script.Line(socket.Coach, _turn++);
        if (Show)
        {
            Console.Error.WriteLine($"  coach {socket.Coach} > {text}");
        }
        try
        {
            await socket.SendAsync("coach_message", new { text }, id, cancellationToken);
        }
        catch (Exception exception) when (exception is System.Net.WebSockets.WebSocketException or ObjectDisposedException)
        {
            errors.Add("send failed");
            return;
        }

        stats?.CountSent();
        try
        {
            await done.Task.WaitAsync(TurnPatience, cancellationToken);
        }
        catch (TimeoutException)
        {
            errors.Add($"turn timed out (> {TurnPatience.TotalSeconds:0} s)");
        }
        finally
        {
            lock (_gate)
            {
                if (_commits.Count > 0)
                {
                    stats?.CountCommitsWithoutPreview(_commits.Count);
                }

                _turnId = null;
                _commits.Clear();
            }
        }
    }

    public void OnFrame(ServerFrame frame, long receivedAt)
    {
        lock (_gate)
        {
            // Frames after the turn's last one (progress_update, celebration) carry no replyTo.
            if (_turnId is null || (frame.ReplyTo is not null && frame.ReplyTo != _turnId))
            {
                return;
            }

            if (Show && frame.Type is "function_complete" or "store_preview_update" or "avery_stream_end" or "error")
            {
                Console.Error.WriteLine($"  avery    < {Stopwatch.GetElapsedTime(_sentAt, receivedAt).TotalMilliseconds,7:0.0} ms {frame.Type} {frame.Name}{(frame.Ok == false ? " (failed)" : "")} {frame.Code} {frame.Content?.ReplaceLineEndings(" ")}");
            }

            switch (frame.Type)
            {
                case "function_complete" when frame.Ok == true && frame.Name is not null && Script.StoreChangingTools.Contains(frame.Name):
                    _commits.Add(receivedAt);
                    break;
                case "store_preview_update":
                    foreach (var commit in _commits)
                    {
                        stats?.PreviewAfterCommit.Add(commit, receivedAt);
                    }

                    if (_commits.Count > 0)
                    {
                        stats?.PreviewAfterSend.Add(_sentAt, receivedAt);
                    }

                    _commits.Clear();
                    break;
                case "avery_stream_end":
                    _ended = true;
                    stats?.RoundTrip.Add(_sentAt, receivedAt);
                    stats?.RoundTripByLine.GetOrAdd(_label, _ => new Samples()).Add(_sentAt, receivedAt);
                    stats?.CountCompleted();
                    break;
                case "avery_typing" when frame.IsTyping == false:
                case "error" when !_ended:
                    _done?.TrySetResult();
                    break;
            }
        }
    }

    public void OnClosed()
    {
        lock (_gate)
        {
            _done?.TrySetResult();
        }
    }
}
