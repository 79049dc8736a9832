namespace CreatorOS.SharedKernel.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Optional. For SQLite the default is <c>data/creatoros.db</c> under the content root;
    /// PostgreSQL needs an explicit connection string.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// SQLite only: <c>normal</c> (default) or <c>full</c>. In WAL mode <c>normal</c> syncs the
    /// write-ahead log at checkpoints instead of at every commit: a crash of the app loses nothing,
    /// a power cut may lose the last commits (never the file's integrity). See ADR 0015.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "normal";
}
