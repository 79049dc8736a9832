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
}
