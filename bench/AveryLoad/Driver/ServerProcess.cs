using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using CreatorOS.Bench.AveryLoad.Server;

namespace CreatorOS.Bench.AveryLoad.Driver;

/// <summary>Server memory as the child measured it: resident set, and the live managed heap after a full GC.</summary>
internal sealed record MemoryReading(long RssKb, long ManagedBytes, int Threads);

/// <summary>
/// The child that hosts the app (<see cref="ServeCommand"/>): started from this same executable,
/// spoken to over stdin/stdout, and killed on dispose whatever state it is in.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int MaxEchoedLogLines = 40;

    private readonly Process _process;
    private readonly Channel<string> _replies = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _commands = new(1, 1);
    private int _warnings;
    private int _failures;
    private int _echoed;

    private ServerProcess(Process process)
    {
        _process = process;
    }

    public int Port { get; private set; }

    public string GcMode { get; private set; } = "?";

    /// <summary>The database, and for SQLite the file system its file is on.</summary>
    public string Storage { get; private set; } = "?";

    /// <summary>Warning and error lines the app logged (its log level is Warning, so nothing else is expected).</summary>
    public (int Warnings, int Failures) LoggedProblems => (Volatile.Read(ref _warnings), Volatile.Read(ref _failures));

    public static async Task<ServerProcess> StartAsync(string database, int coaches, bool serverGc, string? sqliteDir, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The driver cannot find its own executable.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the working directory.
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            // Started as `dotnet CreatorOS.Bench.AveryLoad.dll`: the child needs the assembly path too.
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }

        foreach (var argument in new[] { "serve", database, coaches.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (sqliteDir is not null)
        {
            start.ArgumentList.Add(sqliteDir);
        }

        // The web app runs with workstation GC (src/Web/Web.csproj); so does its stand-in here unless --gc server asks otherwise.
        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data, fromStdout: true);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data, fromStdout: false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var ready = await server.ReplyAsync(TimeSpan.FromMinutes(3), cancellationToken);
        if (ready.Split(' ') is not ["ready", var port, _, var gc, var storage])
        {
            throw new InvalidOperationException($"The server said '{ready}' instead of ready.");
        }

        server.Port = int.Parse(port, CultureInfo.InvariantCulture);
        server.GcMode = gc;
        server.Storage = storage;
        return server;
    }

    /// <summary>Tickets for coaches [from, from + count), in order. They live 60 s and open one socket each.</summary>
    public async Task<List<string>> TicketsAsync(int from, int count, CancellationToken cancellationToken)
    {
        await _commands.WaitAsync(cancellationToken);
        try
        {
            await SendAsync(string.Create(CultureInfo.InvariantCulture, $"tickets {from} {count}"));
            var tickets = new List<string>(count);
            while (true)
            {
                var reply = await ReplyAsync(TimeSpan.FromSeconds(30), cancellationToken);
                if (reply == "ok")
                {
                    return tickets;
                }

                tickets.Add(reply.StartsWith("t ", StringComparison.Ordinal) ? reply[2..] : throw new InvalidOperationException($"Unexpected reply '{reply}'."));
            }
        }
        finally
        {
            _commands.Release();
        }
    }

    public async Task<MemoryReading> MemoryAsync(CancellationToken cancellationToken)
    {
        await _commands.WaitAsync(cancellationToken);
        try
        {
            await SendAsync("rss");
            var reply = await ReplyAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return reply.Split(' ') is ["rss", var rss, var managed, var threads]
                ? new MemoryReading(long.Parse(rss, CultureInfo.InvariantCulture), long.Parse(managed, CultureInfo.InvariantCulture), int.Parse(threads, CultureInfo.InvariantCulture))
                : throw new InvalidOperationException($"Unexpected reply '{reply}'.");
        }
        finally
        {
            _commands.Release();
        }
    }

    /// <summary>CPU time the server process has used so far (user + system), allocated bytes, GC counts and EF Core's running totals (queries, SaveChanges, …).</summary>
    public async Task<(TimeSpan Cpu, IReadOnlyDictionary<string, long> Counters)> CpuAsync(CancellationToken cancellationToken)
    {
        await _commands.WaitAsync(cancellationToken);
        try
        {
            await SendAsync("cpu");
            var reply = await ReplyAsync(TimeSpan.FromSeconds(30), cancellationToken);
            var words = reply.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words is not ["cpu", var ms, ..])
            {
                throw new InvalidOperationException($"Unexpected reply '{reply}'.");
            }

            var ef = words.Skip(2)
                .Select(w => w.Split('='))
                .Where(p => p.Length == 2 && long.TryParse(p[1], CultureInfo.InvariantCulture, out _))
                .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            return (TimeSpan.FromMilliseconds(double.Parse(ms, CultureInfo.InvariantCulture)), ef);
        }
        finally
        {
            _commands.Release();
        }
    }

    private async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    private async Task<string> ReplyAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(patience);
        try
        {
            return await _replies.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The server did not answer within {patience.TotalSeconds:0} s.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The server process ended (exit code {(_process.HasExited ? _process.ExitCode : -1)}).");
        }
    }

    private void OnLine(string? line, bool fromStdout)
    {
        if (line is null)
        {
            if (fromStdout)
            {
                _replies.Writer.TryComplete();
            }

            return;
        }

        if (line.StartsWith(ServeCommand.Prefix, StringComparison.Ordinal))
        {
            _replies.Writer.TryWrite(line[ServeCommand.Prefix.Length..]);
            return;
        }

        if (line.StartsWith("warn:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _warnings);
        }
        else if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal) || line.StartsWith("Unhandled exception", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _failures);
        }

        if (Interlocked.Increment(ref _echoed) <= MaxEchoedLogLines)
        {
            Console.Error.WriteLine("  [server] " + line);
        }
        else if (_echoed == MaxEchoedLogLines + 1)
        {
            Console.Error.WriteLine("  [server] … further server log lines are counted, not shown");
        }
    }

    /// <summary>The last resort of the driver's hard deadline: no questions, no waiting.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await SendAsync("quit");
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(grace.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidOperationException)
        {
            // A child that cannot hear or will not stop is killed below.
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var reaped = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(reaped.Token);
                }
                catch (OperationCanceledException)
                {
                    Console.Error.WriteLine($"warning: server process {_process.Id} did not exit after kill");
                }
            }

            _process.Dispose();
            _commands.Dispose();
        }
    }
}
