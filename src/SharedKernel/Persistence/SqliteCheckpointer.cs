using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CreatorOS.SharedKernel.Persistence;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file in the background, once a second.
/// </summary>
/// <remarks>
/// Left to itself, SQLite checkpoints inside whichever commit pushes the log past its threshold: that
/// commit writes megabytes and syncs the file while it holds the one writer slot
/// (<see cref="SqliteWriteGate"/>), so every writer queued behind it waits. A passive checkpoint on its
/// own connection takes no writer lock; writers go on appending meanwhile. The connections' own
/// automatic checkpoint stays on at a larger threshold (<see cref="SafetyNetPages"/>) in case this loop
/// falls behind or stops, so the log cannot grow without bound.
/// </remarks>
public sealed partial class SqliteCheckpointer(ResolvedDatabase database, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>Pages (4 KB each) after which a commit checkpoints by itself; SQLite's default is 1,000.</summary>
    public const int SafetyNetPages = 10_000;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                CheckpointOnce();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One passive checkpoint; a failure is logged and the next tick tries again.</summary>
    public void CheckpointOnce()
    {
        try
        {
            using var connection = new SqliteConnection(database.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
        }
        catch (SqliteException failure)
        {
            LogCheckpointFailed(logger, failure.SqliteErrorCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background SQLite checkpoint failed (SQLite error {Code}); the next one runs in a second.")]
    private static partial void LogCheckpointFailed(ILogger logger, int code);
}
