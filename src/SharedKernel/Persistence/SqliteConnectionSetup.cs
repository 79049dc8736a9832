using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace CreatorOS.SharedKernel.Persistence;

/// <summary>
/// Sets up every SQLite connection EF opens: pragmas and EF's SQL functions, once per native handle.
/// </summary>
/// <remarks>
/// <para>The pragmas (<see cref="SqliteDurability"/>, the automatic checkpoint's threshold, see
/// <see cref="SqliteCheckpointer"/>) belong to the native connection, not the file.
/// Microsoft.Data.Sqlite pools native connections, so they are said once per native handle rather
/// than on every open.</para>
/// <para>EF opens and closes the connection around each query, and that is kept on purpose. Holding it
/// for a context's whole lease saved about a tenth of an Avery turn's CPU (each open takes the provider's
/// pool lock and re-registers EF's SQL functions), but Microsoft.Data.Sqlite's pool has no upper bound:
/// every unit of work in flight then held one native connection per module context, each with its own
/// parsed schema and page cache (≈ 300 KB), and a burst of 200 reconnecting coaches grew the server by
/// gigabytes (5,000 idle sockets measured 499 KB each instead of 36 KB). Per query, the pool stays at
/// about the number of threads running queries.</para>
/// <para>No memory map (<c>mmap_size</c>), which used to be 256 MB. Each pooled connection maps the file
/// for itself and maps it again as the file grows, and checkpoints make it grow. Mapping and unmapping
/// take the process's memory-map lock for writing, and while they hold it the page faults of every
/// other thread stall. An off-CPU trace under bench/AveryLoad showed threads queued on that lock in
/// munmap and mmap, though it could not tell whose calls those were. In four interleaved pairs of runs,
/// every run without the map used less CPU per message than its pair (2.19–2.75 ms against
/// 2.57–3.20 ms) and held the write slot for less time (0.80–1.14 ms against 1.03–1.54 ms). Its steady
/// p99 was lower in three of the four pairs.</para>
/// </remarks>
public sealed class SqliteConnectionSetup(ResolvedDatabase database) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<sqlite3, object> Prepared = [];
    private readonly string _pragmas = (database.Durability == SqliteDurability.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;")
        + $"PRAGMA wal_autocheckpoint={SqliteCheckpointer.SafetyNetPages};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Setup(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Setup(connection);
        return Task.CompletedTask;
    }

    private void Setup(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && !Prepared.TryGetValue(handle, out _))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            SqliteSqlFunctions.Register(handle);
            Prepared.AddOrUpdate(handle, Prepared);
        }
    }
}
