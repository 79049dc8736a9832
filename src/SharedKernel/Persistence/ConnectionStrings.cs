using Microsoft.Data.Sqlite;

namespace CreatorOS.SharedKernel.Persistence;

/// <summary>Resolves the effective connection string once, at start-up.</summary>
public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString, SqliteDurability Durability = SqliteDurability.Normal)
{
    public static ResolvedDatabase From(DatabaseOptions options, string contentRoot)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is 'postgres' but Database:ConnectionString is empty. " +
                    "Set CREATOROS__Database__ConnectionString, e.g. 'Host=127.0.0.1;Port=5432;Database=creatoros;Username=creatoros'.");
            }

            return new(DatabaseProvider.Postgres, options.ConnectionString);
        }

        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(options.ConnectionString) ? "Data Source=data/creatoros.db" : options.ConnectionString);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        if (builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        builder.Pooling = true;
        return new(DatabaseProvider.Sqlite, builder.ToString(), DurabilityOf(options.SqliteSynchronous));
    }

    private static SqliteDurability DurabilityOf(string? setting) =>
        setting?.Trim().ToLowerInvariant() switch
        {
            null or "" or "normal" => SqliteDurability.Normal,
            "full" => SqliteDurability.Full,
            _ => throw new InvalidOperationException(
                $"Database:SqliteSynchronous is '{setting}'; use 'normal' (default) or 'full'."),
        };
}
