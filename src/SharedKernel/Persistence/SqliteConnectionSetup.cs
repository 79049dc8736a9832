using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace CreatorOS.SharedKernel.Persistence;

/// <summary>
/// Sets up every SQLite connection EF opens, and keeps it open for the rest of the context's lease.
/// </summary>
/// <remarks>
/// <para>The pragmas (<see cref="SqliteDurability"/>, a memory map for reads) belong to the native
/// connection, not the file. Microsoft.Data.Sqlite pools native connections, so they are said once per
/// native handle rather than on every open.</para>
/// <para>EF opens and closes the connection around each query. On SQLite every open takes the
/// provider's pool lock and re-registers EF's SQL functions on the handle — measured at about a tenth of
/// an Avery turn, which opens a context per module. Opening it once more from here makes EF hold it
/// until the pooled context is returned, when EF closes it (<c>RelationalConnection</c> resets its
/// open count on return). A lease is one unit of work, so nothing holds a connection between requests.</para>
/// </remarks>
public sealed class SqliteConnectionSetup(ResolvedDatabase database) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<sqlite3, object> Prepared = [];
    private readonly string _pragmas = (database.Durability == SqliteDurability.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;")
        + "PRAGMA mmap_size=268435456;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Setup(connection, eventData);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Setup(connection, eventData);
        return Task.CompletedTask;
    }

    private void Setup(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection { Handle: { } handle } && !Prepared.TryGetValue(handle, out _))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            Prepared.AddOrUpdate(handle, Prepared);
        }

        // Counts one more open on EF's side: its own close after the query then leaves it open.
        eventData.Context?.Database.OpenConnection();
    }
}
