using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.SharedKernel.Outbox;

/// <summary>Reads and settles one module's outbox through that module's own DbContext.</summary>
public interface IOutboxStore
{
    string Module { get; }

    /// <summary>
    /// Claims a batch of unprocessed messages, runs <paramref name="handle"/> on each and records
    /// the outcome. Returns whether more messages may be waiting.
    /// </summary>
    Task<bool> DrainBatchAsync(IServiceProvider services, Func<OutboxMessage, CancellationToken, Task> handle, CancellationToken cancellationToken);
}

internal sealed class OutboxStore<TContext>(string module, string table) : IOutboxStore
    where TContext : DbContext
{
    // The table name comes from the module's registration, never from input.
    private readonly string _claimOnPostgres =
        "SELECT * FROM " + table + " WHERE processed_at IS NULL AND attempts < " + MaxAttempts + " ORDER BY id LIMIT " + BatchSize + " FOR UPDATE SKIP LOCKED";

    private const int BatchSize = 50;

    /// <summary>A message that failed this often is left for an operator (it stays in the table with its last error).</summary>
    internal const int MaxAttempts = 10;

    public string Module => module;

    public async Task<bool> DrainBatchAsync(IServiceProvider services, Func<OutboxMessage, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var provider = scope.ServiceProvider.GetRequiredService<ResolvedDatabase>().Provider;
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        // PostgreSQL: the claim holds row locks until commit, so other nodes skip these rows.
        // SQLite: one node, one dispatcher; an open write transaction would lock the whole file
        // against the handlers' own writes, so none is held.
        await using var transaction = provider == DatabaseProvider.Postgres ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var batch = provider == DatabaseProvider.Postgres
            // Several nodes may drain the same outbox: each claims rows no one else holds.
            ? await db.Set<OutboxMessage>()
                .FromSqlRaw(_claimOnPostgres)
                .ToListAsync(cancellationToken)
            : await db.Set<OutboxMessage>()
                .Where(m => m.ProcessedAt == null && m.Attempts < MaxAttempts)
                .OrderBy(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);

        foreach (var message in batch)
        {
            try
            {
                await handle(message, cancellationToken);
                message.ProcessedAt = clock.GetUtcNow();
                message.LastError = null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = exception.GetType().Name + ": " + Truncate(exception.Message, 1800);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        // A full batch that all went through suggests more is waiting; a failure waits for the next poll.
        return batch.Count == BatchSize && batch.All(m => m.ProcessedAt != null);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
