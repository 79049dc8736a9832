using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CreatorOS.SharedKernel.Persistence;

/// <summary>
/// Applies <see cref="SqliteDurability"/> whenever EF opens a connection. The setting belongs to
/// the connection, not the file, so it has to be said on every open; it costs no I/O.
/// </summary>
public sealed class SqliteDurabilityPragma(ResolvedDatabase database) : DbConnectionInterceptor
{
    private readonly string _pragma = database.Durability == SqliteDurability.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }
}
