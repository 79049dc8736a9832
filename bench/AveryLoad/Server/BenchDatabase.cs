using Microsoft.Data.Sqlite;
using Npgsql;

namespace CreatorOS.Bench.AveryLoad.Server;

/// <summary>
/// A throwaway database for one run: a SQLite file in a temp folder, or a fresh database on the
/// PostgreSQL server named by CREATOROS_BENCH_POSTGRES (an admin connection string). Dropped at the end.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CREATOROS_BENCH_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private BenchDatabase(string provider, string connectionString, string folder, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Holds the SQLite file and the data-protection keys.</summary>
    public string Folder { get; }

    public static async Task<BenchDatabase> CreateAsync(string provider, string? sqliteDir)
    {
        var folder = sqliteDir is null
            ? Directory.CreateTempSubdirectory("creatoros-bench-").FullName
            : Directory.CreateDirectory(Path.Combine(sqliteDir, "creatoros-bench-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        if (provider == "sqlite")
        {
            return new BenchDatabase(provider, $"Data Source={Path.Combine(folder, "creatoros.db")}", folder, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException($"--db postgres needs {PostgresVariable}, an admin connection string such as 'Host=127.0.0.1;Port=5432;Username=postgres'.");
        }

        var name = "creatoros_bench_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new BenchDatabase(provider, builder.ToString(), folder, admin, name);
    }

    /// <summary>One word for the report: the database, and for SQLite the file system under it (its fsync is in every commit).</summary>
    public string Describe()
    {
        if (Provider != "sqlite")
        {
            return "postgres";
        }

        try
        {
            return "sqlite-on-" + new DriveInfo(Folder).DriveFormat;
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException)
        {
            return "sqlite";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the finishing host; the temp folder is cleaned by the OS.
        }
    }
}
