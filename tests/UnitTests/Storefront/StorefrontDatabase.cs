using CreatorOS.Modules.Storefront;
using CreatorOS.Modules.Storefront.Data;
using CreatorOS.Modules.Storefront.Pricing;
using CreatorOS.Modules.Storefront.Stores;
using CreatorOS.SharedKernel.Persistence;
using CreatorOS.SharedKernel.Persistence.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CreatorOS.UnitTests.Storefront;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Records what each SaveChanges wrote, to prove a change and its event are saved together.</summary>
internal sealed class SaveProbe : SaveChangesInterceptor
{
    public List<IReadOnlyList<(Type Entity, EntityState State)>> Saves { get; } = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saves.Add([.. eventData.Context!.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (e.Entity.GetType(), e.State))]);
        return ValueTask.FromResult(result);
    }
}

/// <summary>
/// A private in-memory SQLite database built by the module's own migration script (the one the
/// migrator embeds), so these tests also prove the script creates what the EF model expects.
/// </summary>
internal sealed class StorefrontDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    private StorefrontDatabase()
    {
    }

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));

    public SaveProbe Probe { get; } = new();

    public static async Task<StorefrontDatabase> CreateAsync()
    {
        var database = new StorefrontDatabase();
        await database._connection.OpenAsync();
        var scripts = new ModuleMigrations(StorefrontDbContext.Prefix, StorefrontModule.Assembly).For(DatabaseProvider.Sqlite);
        scripts.ShouldNotBeEmpty();
        foreach (var script in scripts)
        {
            await using var command = database._connection.CreateCommand();
            command.CommandText = script.Sql;
            await command.ExecuteNonQueryAsync();
        }

        return database;
    }

    public StorefrontDbContext NewContext(params IInterceptor[] extra) =>
        new(new DbContextOptionsBuilder<StorefrontDbContext>().UseSqlite(_connection).AddInterceptors([Probe, .. extra]).Options);

    /// <summary>Store views shared by this database's storekeepers, as the app's singleton is.</summary>
    public StoreViewCache Views { get; } = new();

    /// <summary>Niche benchmarks shared by this database's storekeepers, as the app's singleton is.</summary>
    public NicheBenchmarkCache Benchmarks => field ??= new(Clock);

    /// <summary>A storekeeper on a fresh context, as one request would have.</summary>
    public Storekeeper NewStorekeeper() => new(NewContext(), Views, Benchmarks, Clock);

    /// <summary>A storekeeper with a cache of its own, as on a node that has read nothing yet: every view is built from the tables.</summary>
    public Storekeeper FreshStorekeeper() => new(NewContext(), new StoreViewCache(), new NicheBenchmarkCache(Clock), Clock);

    public async Task<long> CountAsync(string table)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM " + table;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        Views.Dispose();
        await _connection.DisposeAsync();
    }
}
