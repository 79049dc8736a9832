using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CreatorOS.SharedKernel.Persistence.Migrations;

/// <summary>
/// Applies every module's pending SQL scripts in version order and records them in
/// <c>schema_migrations</c>. Each script runs in its own transaction; on PostgreSQL an
/// advisory lock keeps two starting nodes from migrating at the same time.
/// </summary>
public sealed class SchemaMigrator(ResolvedDatabase database, IEnumerable<ModuleMigrations> modules, TimeProvider clock, ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockKey = 0x43_72_65_61_74_6F_72;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await PrepareAsync(connection, cancellationToken);

        try
        {
            var applied = await AppliedAsync(connection, cancellationToken);
            foreach (var script in modules.SelectMany(m => m.For(database.Provider)))
            {
                if (applied.Contains((script.Module, script.Version)))
                {
                    continue;
                }

                await ApplyAsync(connection, script, cancellationToken);
                logger.LogInformation("Applied migration {Module} {Version} {Migration}", script.Module, script.Version, script.Name);
            }
        }
        finally
        {
            if (database.Provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
        }
    }

    private DbConnection Open() => database.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(database.ConnectionString)
        : new SqliteConnection(database.ConnectionString);

    private async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    module varchar(64) NOT NULL,
                    version integer NOT NULL,
                    name varchar(200) NOT NULL,
                    applied_at timestamp with time zone NOT NULL,
                    PRIMARY KEY (module, version))
                """, cancellationToken);
            return;
        }

        // WAL lets readers proceed while one writer commits; the setting is stored in the file.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                module TEXT NOT NULL,
                version INTEGER NOT NULL,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL,
                PRIMARY KEY (module, version))
            """, cancellationToken);
    }

    private static async Task<HashSet<(string, int)>> AppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT module, version FROM schema_migrations";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new HashSet<(string, int)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return applied;
    }

    private async Task ApplyAsync(DbConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);

        await using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (@module, @version, @name, @at)";
        AddParameter(record, "@module", script.Module);
        AddParameter(record, "@version", script.Version);
        AddParameter(record, "@name", script.Name);
        AddParameter(record, "@at", clock.GetUtcNow());
        await record.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
