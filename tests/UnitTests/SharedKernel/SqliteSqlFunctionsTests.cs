#pragma warning disable EF1001 // The replacement under test is EF's internal connection service.
using System.Text.RegularExpressions;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace CreatorOS.UnitTests.SharedKernel;

/// <summary>
/// EF's decimal and regexp SQL functions, registered once per native handle by the app's SQLite
/// setup, give the same rows as EF's own registration, also on a pooled handle opened again.
/// </summary>
public sealed class SqliteSqlFunctionsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"creatoros-functions-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={_file};Pooling=True";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task Decimal_arithmetic_comparison_and_regexp_match_efs_own_functions()
    {
        await using (var seed = Context(lean: false))
        {
            await seed.Database.EnsureCreatedAsync();
            seed.Prices.AddRange(new Price { Name = "Lifting", Amount = 9.99m }, new Price { Name = "Lean", Amount = 12.5m }, new Price { Name = "Yoga", Amount = 20m });
            await seed.SaveChangesAsync();
        }

        var stock = await QueryAllAsync(lean: false);
        var lean = await QueryAllAsync(lean: true);
        var again = await QueryAllAsync(lean: true);

        lean.ShouldBe(stock);
        again.ShouldBe(stock, "a pooled handle opened again still has the functions");
        stock.ShouldBe([
            "Lean,Yoga", // > 10
            "Yoga", // * 2 > 25
            "Yoga", // + 0.01 > 20
            "Yoga", // / 4 == 5
            "Yoga", // % 5 == 0
            "Lean,Yoga", // -x < -10
            "Lean,Lifting", // regexp ^L
        ]);
    }

    [Fact]
    public async Task Dividing_by_zero_ends_the_same_way_as_with_efs_functions_and_the_connection_goes_on()
    {
        await using (var seed = Context(lean: false))
        {
            await seed.Database.EnsureCreatedAsync();
            seed.Prices.Add(new Price { Name = "Lifting", Amount = 9.99m });
            await seed.SaveChangesAsync();
        }

        var stock = await DivideByZeroAsync(lean: false);
        var lean = await DivideByZeroAsync(lean: true);

        lean.ShouldBe(stock);
    }

    private async Task<string> DivideByZeroAsync(bool lean)
    {
        await using var db = Context(lean);
        var zero = 0m;
        string outcome;
        try
        {
            outcome = "rows: " + (await db.Prices.Where(p => p.Amount / zero > 1m).CountAsync());
        }
        catch (Exception exception)
        {
            outcome = exception.GetType().Name;
        }

        (await db.Prices.CountAsync(p => p.Amount > 1m)).ShouldBe(1, "the connection is still usable afterwards");
        return outcome;
    }

    private async Task<List<string>> QueryAllAsync(bool lean)
    {
        await using var db = Context(lean);
        async Task<string> Names(IQueryable<Price> query) => string.Join(',', (await query.Select(p => p.Name).ToListAsync()).Order(StringComparer.Ordinal));
        return
        [
            await Names(db.Prices.Where(p => p.Amount > 10m)),
            await Names(db.Prices.Where(p => p.Amount * 2m > 25m)),
            await Names(db.Prices.Where(p => p.Amount + 0.01m > 20m)),
            await Names(db.Prices.Where(p => p.Amount / 4m == 5m)),
            await Names(db.Prices.Where(p => p.Amount % 5m == 0m)),
            await Names(db.Prices.Where(p => -p.Amount < -10m)),
            await Names(db.Prices.Where(p => Regex.IsMatch(p.Name, "^L"))),
        ];
    }

    private PriceContext Context(bool lean)
    {
        var options = new DbContextOptionsBuilder<PriceContext>().UseSqlite(ConnectionString);
        if (lean)
        {
            options.AddInterceptors(new SqliteConnectionSetup(new ResolvedDatabase(DatabaseProvider.Sqlite, ConnectionString)))
                .ReplaceService<ISqliteRelationalConnection, SqliteConnectionOpenedLean>();
        }

        return new PriceContext(options.Options);
    }

    private sealed class PriceContext(DbContextOptions<PriceContext> options) : DbContext(options)
    {
        public DbSet<Price> Prices => Set<Price>();
    }

    private sealed class Price
    {
        public int Id { get; set; }

        public required string Name { get; set; }

        public decimal Amount { get; set; }
    }
}
