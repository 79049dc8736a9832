using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Accounts.Data;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Persistence;

/// <summary>Every connection the app opens on SQLite carries the configured <c>synchronous</c> level (ADR 0015).</summary>
public sealed class SqliteDurabilityTests
{
    // SQLite reports synchronous as a number: 1 = NORMAL, 2 = FULL.
    [Theory]
    [InlineData(null, 1L)]
    [InlineData("normal", 1L)]
    [InlineData("FULL", 2L)]
    public async Task Pooled_contexts_open_connections_at_the_configured_level(string? setting, long expected)
    {
        var settings = new Dictionary<string, string?> { ["Database:SqliteSynchronous"] = setting };
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite, settings: setting is null ? null : settings);

        // Two scopes in a row: the second gets a context back from the pool and must still say it.
        for (var round = 0; round < 2; round++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            (await db.Database.SqlQueryRaw<long>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").SingleAsync()).ShouldBe(expected);
        }
    }

    [Fact]
    public async Task A_context_holds_no_connection_between_queries()
    {
        // The native pool has no bound: a connection held for a whole unit of work multiplies it by the work in flight.
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await db.Workspaces.CountAsync();
        db.Database.GetDbConnection().State.ShouldBe(System.Data.ConnectionState.Closed);
        await db.Workspaces.AnyAsync();
        db.Database.GetDbConnection().State.ShouldBe(System.Data.ConnectionState.Closed);
    }

    [Fact]
    public void An_unknown_level_is_refused_at_start_up_with_the_setting_named()
    {
        var problem = Should.Throw<InvalidOperationException>(() =>
            ResolvedDatabase.From(new DatabaseOptions { ConnectionString = "Data Source=:memory:", SqliteSynchronous = "sometimes" }, Path.GetTempPath()));
        problem.Message.ShouldContain("Database:SqliteSynchronous");
    }
}
