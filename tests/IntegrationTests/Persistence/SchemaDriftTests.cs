using System.Data.Common;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using CreatorOS.SharedKernel.Persistence.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Persistence;

/// <summary>
/// The SQL migrations and the EF models are written separately per provider; this proves they
/// describe the same tables and columns, so the two can never drift apart unnoticed.
/// </summary>
public sealed class SchemaDriftTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_module_model_matches_its_migrated_schema(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var actual = await ReadSchemaAsync(scope.ServiceProvider.GetRequiredService<KernelDbContext>().Database.GetDbConnection(), provider);

        var modelTables = new HashSet<string>();
        foreach (var context in ModuleContexts(scope.ServiceProvider))
        {
            foreach (var table in context.Model.GetRelationalModel().Tables)
            {
                modelTables.Add(table.Name);
                var hint = $"EF model of {context.GetType().Name} ({provider}) expects this; its create script is:\n{context.Database.GenerateCreateScript()}";
                actual.ShouldContainKey(table.Name, $"Table {table.Name} is missing from the migrations. {hint}");
                actual[table.Name].ShouldBe(table.Columns.Select(c => c.Name).ToHashSet(), ignoreOrder: true, $"Columns of {table.Name} differ. {hint}");
            }
        }

        actual.Keys.Where(t => t != "schema_migrations").ShouldBe(modelTables, ignoreOrder: true, "Tables in the migrations that no EF model maps");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrating_again_changes_nothing_and_records_every_script(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var migrator = host.Services.GetRequiredService<SchemaMigrator>();
        await migrator.MigrateAsync(CancellationToken.None);

        await using var scope = host.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<KernelDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT module, COUNT(*) FROM schema_migrations GROUP BY module";
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            applied[reader.GetString(0)] = reader.GetInt64(1);
        }

        foreach (var module in host.Services.GetServices<ModuleMigrations>())
        {
            applied.ShouldContainKey(module.Module);
            applied[module.Module].ShouldBe(module.For(provider).Count);
        }
    }

    private static IEnumerable<DbContext> ModuleContexts(IServiceProvider services) =>
        services.GetServices<ModuleMigrations>()
            .SelectMany(m => m.Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DbContext)) && !t.IsAbstract))
            .Distinct()
            .Select(t => (DbContext)services.GetRequiredService(t));

    private static async Task<Dictionary<string, HashSet<string>>> ReadSchemaAsync(DbConnection connection, DatabaseProvider provider)
    {
        await connection.OpenAsync();
        var columns = new Dictionary<string, HashSet<string>>();
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Postgres
            ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
            : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var table = reader.GetString(0);
            if (!columns.TryGetValue(table, out var set))
            {
                columns[table] = set = [];
            }

            set.Add(reader.GetString(1));
        }

        return columns;
    }
}
