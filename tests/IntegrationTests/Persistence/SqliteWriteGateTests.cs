using System.Diagnostics.Metrics;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Accounts.Data;
using CreatorOS.Modules.Accounts.Workspaces;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
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

    private static async Task SaveWorkspaceAsync(CreatorOsHost host, Guid id, CancellationToken cancellationToken = default)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        db.Workspaces.Add(new Workspace { Id = id, Name = "Gate " + id, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
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
