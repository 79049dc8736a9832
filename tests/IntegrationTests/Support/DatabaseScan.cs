using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Support;

/// <summary>Searches the whole database for values, to prove an erasure left nothing behind.</summary>
public static class DatabaseScan
{
    /// <summary>Every table, every column, case-insensitive: where does any of these values still appear?</summary>
    public static async Task<List<string>> FindAsync(CreatorOsHost host, DatabaseProvider provider, string[] needles)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<KernelDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = provider == DatabaseProvider.Postgres
                ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
                : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var found = new List<string>();
        var like = provider == DatabaseProvider.Postgres ? "ILIKE" : "LIKE";
        foreach (var (table, column) in columns)
        {
            foreach (var needle in needles)
            {
                await using var query = connection.CreateCommand();
                query.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) {like} @needle";
                var parameter = query.CreateParameter();
                parameter.ParameterName = "@needle";
                parameter.Value = "%" + needle + "%";
                query.Parameters.Add(parameter);
                if (Convert.ToInt64(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    found.Add($"{table}.{column} contains {needle}");
                }
            }
        }

        return found;
    }
}
