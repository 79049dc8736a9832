namespace CreatorOS.SharedKernel.Persistence;

/// <summary>
/// The one writer slot of <see cref="SqliteWriteGate"/>: first come, first served, handed from one
/// writer to the next by a dedicated thread, which runs the next writer's gated section at once.
/// </summary>
/// <remarks>
/// Why a thread of its own: SQLite's statements run synchronously, so a writer's gated section
/// (open, statements, commit) is CPU work with no real await in it. With <see cref="SemaphoreSlim"/>
/// a release queues the next writer at the back of the thread pool's queue, behind hundreds of socket
/// reads and turns, and the slot sits idle, owned by a writer that is not running yet: bench/AveryLoad
/// measured the slot held about half the time while every message waited 29–150 ms for it
/// (2026-12-07: with the lane, 8–21 ms, and a steady p99 of 56–62 ms instead of 93 ms). Handing it
/// over on the releasing thread's local queue instead was worse (the next writer then waits for the
/// rest of the releaser's turn). Here the lane thread completes the next writer's wait, its
/// continuation runs the gated section inline, and at its release the gate moves the rest of that
/// writer's work back to the pool (<see cref="OnLane"/>), so the lane is free for the next handover.
/// It runs at the normal priority: a raised one was measured and not kept (ADR 20).
/// </remarks>
internal sealed class WriterLane : IDisposable
{
    [ThreadStatic] private static bool _onLane;

    // A monitor, not a Lock or a SemaphoreSlim: the lane sleeps in Monitor.Wait, which blocks at
    // once, where SemaphoreSlim.Wait spins first. A sampled trace had the lane thread spinning
    // between handovers for a tenth of a core, taken from the turns it serves.
    private readonly object _lock = new();
    private readonly Queue<Waiter> _waiters = new();
    private readonly Queue<Waiter> _handovers = new();
    private readonly Thread _thread;
    private bool _taken;
    private bool _stopping;

    public WriterLane()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite writer lane" };
        _thread.Start();
    }

    /// <summary>True on the lane thread: the caller has just given the slot away and should leave the lane.</summary>
    public static bool OnLane => _onLane;

    /// <summary>Waits for the slot; the caller owns it once this completes and must <see cref="Give"/> it back.</summary>
    public Task TakeAsync(CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_lock)
        {
            if (!_taken)
            {
                _taken = true;
                return Task.CompletedTask;
            }

            // Synchronous continuations: the lane runs the waiter's gated section inline.
            waiter = new Waiter();
            _waiters.Enqueue(waiter);
        }

        // A cancelled waiter stays queued and the handover skips it: its task is already complete.
        waiter.Registration = cancellationToken.UnsafeRegister(static state => ((Waiter)state!).TrySetCanceled(), waiter);
        return waiter.Task;
    }

    /// <summary>Blocks for the slot (synchronous saves); the lane only wakes the blocked thread.</summary>
    public void Take() => TakeAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Gives the slot back: to the next live waiter through the lane, or free.</summary>
    public void Give()
    {
        lock (_lock)
        {
            while (_waiters.TryDequeue(out var waiter))
            {
                if (!waiter.Task.IsCompleted)
                {
                    // Still taken: ownership passes to this waiter when the lane completes it.
                    _handovers.Enqueue(waiter);
                    Monitor.Pulse(_lock);
                    return;
                }
            }

            _taken = false;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stopping = true;
            Monitor.Pulse(_lock);
        }

        // Disposed by code the lane is running (a writer's continuation): the loop ends when it returns.
        if (!_onLane)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    private void Run()
    {
        _onLane = true;
        while (true)
        {
            Waiter next;
            lock (_lock)
            {
                while (_handovers.Count == 0)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    Monitor.Wait(_lock);
                }

                next = _handovers.Dequeue();
            }

            next.Registration.Dispose();
            if (!next.TrySetResult())
            {
                // Cancelled after it left the queue: it never owned the slot, so it goes on.
                Give();
            }
        }
    }

    private sealed class Waiter : TaskCompletionSource
    {
        public CancellationTokenRegistration Registration { get; set; }
    }
}
