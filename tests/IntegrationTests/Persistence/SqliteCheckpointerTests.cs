using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Accounts.Data;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreatorOS.IntegrationTests.Persistence;

/// <summary>The write-ahead log is copied into the database file off the writers' path.</summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("creatoros-checkpoint-").FullName;

    [Fact]
    public void A_checkpoint_copies_committed_rows_from_the_log_into_the_database_file()
    {
        var file = Path.Combine(_folder, "app.db");
        var connectionString = $"Data Source={file};Pooling=False";

        // The writer stays open, so SQLite's own checkpoint at the last close cannot do the work.
        using var writer = new SqliteConnection(connectionString);
        writer.Open();
        Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE notes (body TEXT);");
        for (var i = 0; i < 50; i++)
        {
            Execute(writer, $"INSERT INTO notes VALUES ('note {i}');");
        }

        RowsInMainFileAlone(file).ShouldBe(0, "before the checkpoint the rows live only in the -wal file");

        new SqliteCheckpointer(new ResolvedDatabase(DatabaseProvider.Sqlite, connectionString), NullLogger<SqliteCheckpointer>.Instance).CheckpointOnce();

        RowsInMainFileAlone(file).ShouldBe(50);
    }

    [Fact]
    public async Task App_connections_leave_checkpoints_to_it_until_the_log_is_large()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        // Opened through EF, so the app's connection set-up runs; this pragma has no table-valued form.
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";
        (await command.ExecuteScalarAsync()).ShouldBe((long)SqliteCheckpointer.SafetyNetPages);
        await db.Database.CloseConnectionAsync();
    }

    /// <summary>Reads a copy of the database file without its log: only checkpointed rows are there.</summary>
    private int RowsInMainFileAlone(string file)
    {
        var copy = Path.Combine(_folder, $"copy-{Guid.NewGuid():N}.db");
        File.Copy(file, copy);
        using var reader = new SqliteConnection($"Data Source={copy};Pooling=False");
        reader.Open();
        using var command = reader.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'notes'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT count(*) FROM notes";
        return (int)(long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
