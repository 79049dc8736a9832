using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CreatorOS.SharedKernel.Persistence;

/// <summary>
/// SQLite has one writer at a time. Without a gate, concurrent SaveChanges calls collide on the
/// file lock and wait in SQLite's busy handler, which polls with sleeps and adds long, uneven
/// delays under load. Queuing writers in-process lets each one start as soon as the previous
/// commits. Only registered for SQLite; PostgreSQL handles concurrent writers itself.
/// </summary>
/// <remarks>
/// The slot is taken when SaveChanges opens its connection (after change detection and the first
/// batch's SQL), or at its first statement when the connection was already open, and given back
/// when that transaction commits or the save ends. Taking it at SavingChanges made every writer wait
/// for the others' CPU work too, and the slot, not the CPU, capped throughput. Taking it any later
/// than the open made every waiting writer hold a native connection while it waited; the provider's
/// pool has no bound, so a burst of writers grew it by hundreds of connections (≈ 300 KB each).
/// A context inside its own explicit transaction is left alone: it already holds SQLite's lock
/// between its saves.
/// The meter <c>CreatorOS.Persistence</c> reports how long writers waited for the slot and held it,
/// tagged with the DbContext type (<c>context</c>), so a profile can say whose saves fill the slot.
/// </remarks>
public sealed class SqliteWriteGate : ISaveChangesInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor, IDisposable
{
    public const string MeterName = "CreatorOS.Persistence";
    public const string WaitInstrument = "creatoros.sqlite.write_gate.wait";
    public const string HoldInstrument = "creatoros.sqlite.write_gate.hold";

    /// <summary>The tag both measurements carry: the DbContext type's name.</summary>
    public const string ContextTag = "context";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> WaitMicroseconds = Meter.CreateCounter<long>(WaitInstrument, "us", "Time SaveChanges calls waited for SQLite's single writer slot.");
    private static readonly Counter<long> HoldMicroseconds = Meter.CreateCounter<long>(HoldInstrument, "us", "Time SaveChanges calls held SQLite's single writer slot.");

    private readonly WriterLane _writer = new();
    private readonly ConditionalWeakTable<DbContext, Save> _saves = [];

    // --- a save begins and ends --------------------------------------------------------------

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Begin(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Begin(eventData.Context);
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        End(eventData.Context);
        await LeaveLaneAsync();
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        End(eventData.Context);
        return result;
    }

    public async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context);
        await LeaveLaneAsync();
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => End(eventData.Context);

    public async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context);
        await LeaveLaneAsync();
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => End(eventData.Context);

    // --- its connection's open (or its first statement) takes the slot, its commit gives it back

    public async ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await TakeAsync(eventData.Context, cancellationToken);
        return result;
    }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Take(eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await TakeAsync(eventData.Context, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Take(eventData.Context);
        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Give(eventData.Context);
        await LeaveLaneAsync();
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Give(eventData.Context);

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await TakeAsync(eventData.Context, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Take(eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await TakeAsync(eventData.Context, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Take(eventData.Context);
        return result;
    }

    // --- bookkeeping ------------------------------------------------------------------------

    /// <summary>Marks a save that needs the slot (not one inside the caller's own transaction).</summary>
    private void Begin(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            _saves.AddOrUpdate(context, new Save(context.GetType().Name));
        }
    }

    private async ValueTask TakeAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (Wanting(context) is { } save)
        {
            var asked = Stopwatch.GetTimestamp();
            await _writer.TakeAsync(cancellationToken);
            save.Took(asked);
        }
    }

    private void Take(DbContext? context)
    {
        if (Wanting(context) is { } save)
        {
            var asked = Stopwatch.GetTimestamp();
            _writer.Take();
            save.Took(asked);
        }
    }

    /// <summary>The context's save in progress if it does not hold the slot yet; commands outside a save pass freely.</summary>
    private Save? Wanting(DbContext? context) =>
        context is not null && _saves.TryGetValue(context, out var save) && !save.Holding && !save.Done ? save : null;

    /// <summary>The save's transaction committed: later statements of the same save (none today) would take the slot again.</summary>
    private void Give(DbContext? context)
    {
        if (context is not null && _saves.TryGetValue(context, out var save) && save.Holding)
        {
            save.Release(_writer);
            save.Done = true;
        }
    }

    /// <summary>
    /// A writer the lane handed the slot to runs on the lane thread until it gives the slot back;
    /// the rest of its work (the turn after the save) belongs on the thread pool.
    /// </summary>
    private static async ValueTask LeaveLaneAsync()
    {
        if (WriterLane.OnLane)
        {
            await Task.Yield();
        }
    }

    private void End(DbContext? context)
    {
        if (context is not null && _saves.TryGetValue(context, out var save))
        {
            _saves.Remove(context);
            if (save.Holding)
            {
                save.Release(_writer);
            }
        }
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>One SaveChanges call of one context; a context saves one thing at a time.</summary>
    /// <param name="context">The DbContext type's name, the measurements' tag: which module's saves hold the slot.</param>
    private sealed class Save(string context)
    {
        private long _since;

        public bool Holding { get; private set; }

        public bool Done { get; set; }

        public void Took(long asked)
        {
            _since = Stopwatch.GetTimestamp();
            Holding = true;
            WaitMicroseconds.Add((long)Stopwatch.GetElapsedTime(asked, _since).TotalMicroseconds, new KeyValuePair<string, object?>(ContextTag, context));
        }

        public void Release(WriterLane writer)
        {
            Holding = false;
            writer.Give();
            HoldMicroseconds.Add((long)Stopwatch.GetElapsedTime(_since).TotalMicroseconds, new KeyValuePair<string, object?>(ContextTag, context));
        }
    }
}
