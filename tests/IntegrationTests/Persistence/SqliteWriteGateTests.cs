using System.Diagnostics;
using System.Diagnostics.Metrics;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Accounts.Data;
using CreatorOS.Modules.Accounts.Workspaces;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Persistence;

/// <summary>
/// SQLite's writers queue in-process for its one write slot (<see cref="SqliteWriteGate"/>): many at
/// once all commit, and a save that fails gives the slot back.
/// </summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task Concurrent_saves_all_commit_and_each_takes_the_slot()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        using var slots = new SlotCounter();
        var ids = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();

        // Two rows per save, so EF wraps each save in a transaction: the slot is taken at its BEGIN.
        await Task.WhenAll(ids.Select(async id =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            db.Workspaces.Add(new Workspace { Id = id, Name = "Gate " + id, CreatedAt = DateTimeOffset.UtcNow });
            db.Workspaces.Add(new Workspace { Id = Guid.NewGuid(), Name = "Gate pair " + id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }));

        await using var check = host.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<AccountsDbContext>().Workspaces.CountAsync(w => ids.Contains(w.Id))).ShouldBe(ids.Count);
        slots.Holds.ShouldBeGreaterThanOrEqualTo(ids.Count);
    }

    [Fact]
    public async Task A_save_that_fails_gives_the_slot_back()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        var id = Guid.NewGuid();
        await SaveWorkspaceAsync(host, id);

        // Same primary key again: the single INSERT fails inside the slot.
        await Should.ThrowAsync<DbUpdateException>(() => SaveWorkspaceAsync(host, id));

        // Were the slot still taken, this would wait forever; the timeout turns that into a failure.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await SaveWorkspaceAsync(host, Guid.NewGuid(), timeout.Token);
    }

    [Fact]
    public async Task Writers_waiting_for_the_slot_hold_no_connection()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        string file;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            file = new SqliteConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Database.GetConnectionString()).DataSource;
        }

        using var open = new OpenConnections(file);

        // Another process's write lock: the first writer takes the slot, then waits inside SQLite.
        await using var blocker = new SqliteConnection($"Data Source={file};Pooling=False");
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        var saves = ids.Select(id => Task.Run(() => SaveWorkspaceAsync(host, id))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));

        // The provider's pool has no bound: a queue of writers each holding a connection would grow it without one.
        open.Peak.ShouldBeLessThanOrEqualTo(2);

        await using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        await Task.WhenAll(saves);
        await using var check = host.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<AccountsDbContext>().Workspaces.CountAsync(w => ids.Contains(w.Id))).ShouldBe(ids.Count);
    }

    private static async Task SaveWorkspaceAsync(CreatorOsHost host, Guid id, CancellationToken cancellationToken = default)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        db.Workspaces.Add(new Workspace { Id = id, Name = "Gate " + id, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>EF's connections to one database file open right now, and the most at once, from EF's diagnostic events.</summary>
    private sealed class OpenConnections : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _file;
        private readonly IDisposable _subscription;
        private readonly List<IDisposable> _listeners = [];
        private int _open;
        private int _peak;

        public OpenConnections(string file)
        {
            _file = file;
            _subscription = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Peak => Volatile.Read(ref _peak);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_listeners)
                {
                    _listeners.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is not ConnectionEndEventData { Connection.ConnectionString: var connection } || !connection.Contains(_file, StringComparison.Ordinal))
            {
                return;
            }

            if (value.Key == RelationalEventId.ConnectionOpened.Name)
            {
                var now = Interlocked.Increment(ref _open);
                int peak;
                while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
                {
                }
            }
            else if (value.Key == RelationalEventId.ConnectionClosed.Name)
            {
                Interlocked.Decrement(ref _open);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _subscription.Dispose();
            lock (_listeners)
            {
                _listeners.ForEach(listener => listener.Dispose());
            }
        }
    }

    /// <summary>Counts the gate's hold measurements (one per save that took the slot) while it lives.</summary>
    private sealed class SlotCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _holds;

        public SlotCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SqliteWriteGate.MeterName && instrument.Name == "creatoros.sqlite.write_gate.hold")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _holds));
            _listener.Start();
        }

        public long Holds => Interlocked.Read(ref _holds);

        public void Dispose() => _listener.Dispose();
    }
}
