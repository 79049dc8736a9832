using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CreatorOS.Bench.AveryLoad.Server;

/// <summary>
/// Adds up how long EF Core's database commands took (from its DiagnosticListener events), so the
/// report can split a message's server time into database commands and everything else.
/// </summary>
internal sealed class EfCommandTimer : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _gate = new();
    private long _ticks;

    /// <summary>Set <c>AVERYLOAD_SQL_FILE</c> to count commands by their text; the server writes the tally there when it stops.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int>? _statements =
        Environment.GetEnvironmentVariable("AVERYLOAD_SQL_FILE") is { Length: > 0 } ? new() : null;

    public EfCommandTimer()
    {
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Wall time spent in database commands, rows read included (SQLite runs them in-process).</summary>
    public TimeSpan CommandTime => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_gate)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name || name == RelationalEventId.DataReaderDisposing.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (_statements is not null && value.Value is CommandExecutedEventData counted)
        {
            _statements.AddOrUpdate(counted.Command.CommandText, 1, (_, n) => n + 1);
        }

        switch (value.Value)
        {
            // A reader's command is timed until the reader is done with its rows, other commands until they return.
            case CommandExecutedEventData executed when executed.ExecuteMethod != DbCommandMethod.ExecuteReader:
                Interlocked.Add(ref _ticks, executed.Duration.Ticks);
                break;
            case DataReaderDisposingEventData disposing:
                Interlocked.Add(ref _ticks, disposing.Duration.Ticks);
                break;
        }
    }

    /// <summary>Writes the command tally (most frequent first) to <c>AVERYLOAD_SQL_FILE</c>, if set.</summary>
    public void WriteStatements()
    {
        if (_statements is null)
        {
            return;
        }

        File.WriteAllLines(Environment.GetEnvironmentVariable("AVERYLOAD_SQL_FILE")!,
            _statements.OrderByDescending(s => s.Value).Select(s => $"{s.Value,8}  {s.Key.ReplaceLineEndings(" ")}"));
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
