#pragma warning disable EF1001 // Deriving from EF's own SQLite connection is the only way to change how it makes its DbConnection.
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace CreatorOS.SharedKernel.Persistence;

/// <summary>
/// EF's SQLite connection, making its <see cref="SqliteConnection"/> without the seven SQL
/// functions Microsoft.Data.Sqlite would register again on every open; <see cref="SqliteConnectionSetup"/>
/// registers them once per native handle (<see cref="SqliteSqlFunctions"/>). Only used together
/// with that interceptor (<see cref="ModuleDatabase"/>).
/// </summary>
internal sealed class SqliteConnectionOpenedLean(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(GetValidatedConnectionString());
        if (RelationalOptionsExtension.Extract(Dependencies.ContextOptions).CommandTimeout is { } timeout)
        {
            connection.DefaultTimeout = timeout;
        }

        return connection;
    }
}
