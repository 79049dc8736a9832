using System.Diagnostics;
using System.Globalization;

namespace CreatorOS.Bench.AveryLoad.Driver;

/// <summary>
/// The whole benchmark: start the server child, warm it up, measure idle sockets, then drive
/// conversations at a fixed rate, print the figures, and stop everything — also on failure,
/// Ctrl+C or the hard deadline.
/// </summary>
internal static class LoadRun
{
    private static readonly TimeSpan GreetingPatience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan WarmupLimit = TimeSpan.FromSeconds(90);
    private const double SettledJitRate = 20;

    public static async Task<int> RunAsync(LoadOptions requested)
    {
        var options = FitToFileLimit(requested);
        var deadline = TimeSpan.FromSeconds(300 + options.Seconds);
        using var stop = new CancellationTokenSource(deadline);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;

        var result = new RunResult(options);
        ServerProcess? server = null;
        // If even the orderly teardown hangs, the child is killed and the driver exits.
        using var backstop = new Timer(_ =>
        {
            server?.Kill();
            Console.Error.WriteLine("Hard deadline passed: killed the server and stopped.");
            Environment.Exit(4);
        }, null, deadline + TimeSpan.FromSeconds(60), Timeout.InfiniteTimeSpan);

        var sockets = new List<CoachSocket>();
        try
        {
            Progress($"starting the server child and seeding {options.Coaches} coaches ({options.Database}) …");
            server = await ServerProcess.StartAsync(options.Database, options.Coaches, options.Gc == "server", options.SqliteDir, stop.Token);
            result.GcMode = server.GcMode;
            result.Storage = server.Storage;
            var endpoint = new Uri($"ws://127.0.0.1:{server.Port}/avery/ws");
            Progress($"server on {endpoint} ({server.GcMode} GC)");

            if (options.Warmup > 0)
            {
                await WarmUpAsync(server, endpoint, options, result, stop.Token);
            }

            await Task.Delay(Settle, stop.Token);
            result.Before = await server.MemoryAsync(stop.Token);
            Progress($"baseline: RSS {result.Before.RssKb / 1024.0:0.0} MB, managed {result.Before.ManagedBytes / 1048576.0:0.0} MB");

            Progress($"idle: opening {options.Idle} sockets in batches of {options.Batch} …");
            var started = Stopwatch.GetTimestamp();
            var idle = await OpenAsync(server, endpoint, 0, options.Idle, options.Batch, result.IdleErrors, stop.Token);
            sockets.AddRange(idle);
            result.IdleConnectSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await Task.Delay(Settle, stop.Token);
            result.IdleHeld = idle.Count(s => s.IsOpen);
            result.IdleWelcomed = idle.Count(s => s.Greeted.IsCompletedSuccessfully && s.Greeted.Result);
            result.Idle = await server.MemoryAsync(stop.Token);
            Progress($"idle: {result.IdleHeld} held; RSS {result.Idle.RssKb / 1024.0:0.0} MB, managed {result.Idle.ManagedBytes / 1048576.0:0.0} MB");

            if (options.Active > 0)
            {
                Progress($"active: {options.Active} coaches, {options.Rate} msg/s for {options.Seconds} s …");
                var active = await OpenAsync(server, endpoint, options.Idle, options.Active, options.Batch, result.ActiveErrors, stop.Token);
                sockets.AddRange(active);
                result.ActiveConnected = active.Count(s => s.IsOpen);
                var (serverCpu, workBefore) = await server.CpuAsync(stop.Token);
                var driverCpu = Environment.CpuUsage.TotalTime;
                await DriveAsync(active, options, result, stop.Token);
                result.DriverCpu = Environment.CpuUsage.TotalTime - driverCpu;
                var (serverCpuAfter, workAfter) = await server.CpuAsync(stop.Token);
                result.ServerCpu = serverCpuAfter - serverCpu;
                result.ServerWork = workAfter.ToDictionary(p => p.Key, p => p.Value - workBefore.GetValueOrDefault(p.Key), StringComparer.Ordinal);
                Progress($"active: {result.Turns.Completed} turns in {result.ActiveSeconds:0.0} s");
            }

            result.IdleHeldAtEnd = idle.Count(s => s.IsOpen);
            result.End = await server.MemoryAsync(stop.Token);
            result.Finished = true;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            result.Abort = $"stopped early (deadline of {deadline.TotalSeconds:0} s or Ctrl+C)";
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or IOException or System.ComponentModel.Win32Exception)
        {
            result.Abort = exception.Message;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            Progress("closing sockets and stopping the server …");
            foreach (var socket in sockets)
            {
                socket.Leave();
            }

            await Task.WhenAll(sockets.Select(s => s.DisposeAsync().AsTask()));
            if (server is not null)
            {
                result.ServerLog = server.LoggedProblems;
                await server.DisposeAsync();
            }
        }

        Console.Out.Write(result.Render());
        return result.Finished && result.ErrorCount == 0 ? 0 : 1;
    }

    /// <summary>
    /// Warm-up coaches go through the script again and again until the server stops JIT-compiling
    /// (tiered compilation promotes hot methods for a while after start; measured before that ends,
    /// the figures would be the JIT's), or until <see cref="WarmupLimit"/>.
    /// </summary>
    private static async Task WarmUpAsync(ServerProcess server, Uri endpoint, LoadOptions options, RunResult result, CancellationToken cancellationToken)
    {
        Progress($"warm-up: {options.Warmup} coaches run the script until the server's JIT settles (below {SettledJitRate} methods/s, at most {WarmupLimit.TotalSeconds:0} s) …");
        var sockets = await OpenAsync(server, endpoint, options.Idle + options.Active, options.Warmup, options.Batch, result.WarmupErrors, cancellationToken);
        var coaches = sockets.Select((s, i) => new ActiveCoach(s, result.WarmupErrors, null) { Show = options.Show && i == 0 }).ToList();
        var started = Stopwatch.GetTimestamp();
        var (_, counters) = await server.CpuAsync(cancellationToken);
        var jitBefore = counters.GetValueOrDefault("jit_methods");
        var roundLength = Script.OnboardingLength * 2 + 2;
        for (var round = 1; ; round++)
        {
            var roundStarted = Stopwatch.GetTimestamp();
            await Task.WhenAll(coaches.Select(c => c.RunAsync(Stopwatch.GetTimestamp(), TimeSpan.Zero, long.MaxValue, c.Turns + roundLength, cancellationToken)));
            coaches[0].Show = false;
            (_, counters) = await server.CpuAsync(cancellationToken);
            var jit = counters.GetValueOrDefault("jit_methods");
            var rate = (jit - jitBefore) / Stopwatch.GetElapsedTime(roundStarted).TotalSeconds;
            jitBefore = jit;
            result.WarmupTurns = coaches.Sum(c => c.Turns);
            result.WarmupJitRate = rate;
            result.WarmupSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Progress($"warm-up round {round}: {result.WarmupTurns} turns so far, {rate:0} methods JIT-compiled/s");
            if (rate < SettledJitRate || Stopwatch.GetElapsedTime(started) > WarmupLimit || coaches.All(c => !c.IsOpen))
            {
                break;
            }
        }

        await Task.WhenAll(sockets.Select(s => s.DisposeAsync().AsTask()));
    }

    /// <summary>Opens sockets for coaches [from, from + count) batch by batch, each batch with fresh tickets, and waits for their welcomes.</summary>
    private static async Task<List<CoachSocket>> OpenAsync(ServerProcess server, Uri endpoint, int from, int count, int batch, Tally errors, CancellationToken cancellationToken)
    {
        var opened = new List<CoachSocket>(count);
        for (var start = from; start < from + count; start += batch)
        {
            var size = Math.Min(batch, from + count - start);
            var tickets = await server.TicketsAsync(start, size, cancellationToken);
            var connected = await Task.WhenAll(tickets.Select((ticket, i) => CoachSocket.ConnectAsync(endpoint, ticket, start + i, errors, cancellationToken)));
            var sockets = connected.OfType<CoachSocket>().ToList();
            var greetings = Task.WhenAll(sockets.Select(s => s.Greeted));
            try
            {
                await greetings.WaitAsync(GreetingPatience, cancellationToken);
            }
            catch (TimeoutException)
            {
                foreach (var _ in sockets.Where(s => !s.Greeted.IsCompleted))
                {
                    errors.Add($"no welcome within {GreetingPatience.TotalSeconds:0} s");
                }
            }

            opened.AddRange(sockets);
        }

        return opened;
    }

    /// <summary>Each of A coaches speaks every A/R seconds, the coaches evenly staggered, so together they send R messages a second.</summary>
    private static async Task DriveAsync(List<CoachSocket> active, LoadOptions options, RunResult result, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(active.Count / options.Rate);
        var firstAt = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 2;
        var stopAt = firstAt + (long)(options.Seconds * (double)Stopwatch.Frequency);
        result.ActiveStartedAt = firstAt;
        var coaches = active.Select((socket, i) => (Coach: new ActiveCoach(socket, result.ActiveErrors, result.Turns), Offset: (long)(i / options.Rate * Stopwatch.Frequency))).ToList();
        await Task.WhenAll(coaches.Select(c => c.Coach.RunAsync(firstAt + c.Offset, interval, stopAt, int.MaxValue, cancellationToken)));
        result.ActiveSeconds = Stopwatch.GetElapsedTime(firstAt).TotalSeconds;
        result.RoundsPerCoach = coaches.Count == 0 ? 0 : coaches.Average(c => c.Coach.Turns);
    }

    /// <summary>Each socket is a descriptor in both processes; without enough of them, fewer idle sockets rather than a failed run.</summary>
    private static LoadOptions FitToFileLimit(LoadOptions options)
    {
        var limit = OpenFileLimit();
        const int Reserve = 1000;
        if (limit is null || options.Coaches + Reserve <= limit)
        {
            return options;
        }

        var idle = (int)Math.Max(0, Math.Min(int.MaxValue, limit.Value - Reserve - options.Active - options.Warmup));
        Console.Error.WriteLine($"warning: the open-file limit is {limit} (raise it with `ulimit -n 20000`); --idle capped from {options.Idle} to {idle}.");
        return options with { Idle = idle };
    }

    private static long? OpenFileLimit()
    {
        try
        {
            var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return long.TryParse(soft, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{TimeProvider.System.GetLocalNow():HH:mm:ss}] {message}");
}
