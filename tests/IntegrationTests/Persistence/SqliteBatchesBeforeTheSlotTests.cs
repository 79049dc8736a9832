using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Persistence;

/// <summary>
/// On SQLite a save builds its statements before it takes the writer slot (<see cref="SqliteBatchesBeforeTheSlot"/>),
/// except after a statement that reads a value back: rows that take that value as a foreign key must still get it.
/// </summary>
public sealed class SqliteBatchesBeforeTheSlotTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "creatoros-batches-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddSingleton(ResolvedDatabase.From(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "batches.db")}" }, _folder));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<SqliteConnectionSetup>();
        services.AddModuleDbContext<ShelfDbContext>("shelf", hasOutbox: false);
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ShelfDbContext>().Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Rows_after_an_identity_insert_get_its_generated_key()
    {
        // Two shelves with database-generated keys, each with books that point at them: the books' rows
        // can only be built once their shelf's INSERT has returned its key.
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShelfDbContext>();
            foreach (var name in new[] { "fiction", "poetry" })
            {
                var shelf = new Shelf { Name = name };
                db.Shelves.Add(shelf);
                db.Books.AddRange(Enumerable.Range(1, 3).Select(n => new Book { Id = Guid.CreateVersion7(), Title = $"{name} {n}", Shelf = shelf }));
            }

            await db.SaveChangesAsync();
        }

        await using var check = _services.CreateAsyncScope();
        var read = check.ServiceProvider.GetRequiredService<ShelfDbContext>();
        var shelves = await read.Shelves.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name);
        var books = await read.Books.AsNoTracking().ToListAsync();
        shelves.Count.ShouldBe(2);
        books.Count.ShouldBe(6);
        books.ShouldAllBe(book => book.Title.StartsWith(shelves[book.ShelfId] + " "));
    }

    [Fact]
    public async Task A_save_of_client_keyed_rows_writes_every_row()
    {
        var shelfId = 0;
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShelfDbContext>();
            var shelf = new Shelf { Name = "essays" };
            db.Shelves.Add(shelf);
            await db.SaveChangesAsync();
            shelfId = shelf.Id;

            // Only client-generated keys: all six statements are built before the slot, then run in one transaction.
            db.Books.AddRange(Enumerable.Range(1, 6).Select(n => new Book { Id = Guid.CreateVersion7(), Title = $"essay {n}", ShelfId = shelfId }));
            await db.SaveChangesAsync();
        }

        await using var check = _services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<ShelfDbContext>().Books.CountAsync(b => b.ShelfId == shelfId)).ShouldBe(6);
    }

    [Fact]
    public async Task A_failing_row_rolls_back_the_whole_save()
    {
        var taken = Guid.CreateVersion7();
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShelfDbContext>();
            var shelf = new Shelf { Name = "history" };
            db.Shelves.Add(shelf);
            db.Books.Add(new Book { Id = taken, Title = "first", Shelf = shelf });
            await db.SaveChangesAsync();
        }

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShelfDbContext>();
            var shelfId = await db.Shelves.Where(s => s.Name == "history").Select(s => s.Id).SingleAsync();

            // The last of three rows repeats a primary key: the two before it must not stay written.
            db.Books.Add(new Book { Id = Guid.CreateVersion7(), Title = "second", ShelfId = shelfId });
            db.Books.Add(new Book { Id = Guid.CreateVersion7(), Title = "third", ShelfId = shelfId });
            db.Books.Add(new Book { Id = taken, Title = "again", ShelfId = shelfId });
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = _services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<ShelfDbContext>().Books.Select(b => b.Title).ToListAsync()).ShouldBe(["first"]);
    }

    private sealed class ShelfDbContext(DbContextOptions<ShelfDbContext> options) : DbContext(options)
    {
        public DbSet<Shelf> Shelves => Set<Shelf>();

        public DbSet<Book> Books => Set<Book>();
    }

    private sealed class Shelf
    {
        public int Id { get; set; }

        public string Name { get; set; } = "";
    }

    private sealed class Book
    {
        public Guid Id { get; set; }

        public string Title { get; set; } = "";

        public int ShelfId { get; set; }

        public Shelf? Shelf { get; set; }
    }
}
