using Microsoft.Data.Sqlite;

namespace CreatorOS.SharedKernel.Persistence;

/// <summary>Resolves the effective connection string once, at start-up.</summary>
public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString)
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
        return new(DatabaseProvider.Sqlite, builder.ToString());
    }
}
