using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.SharedKernel.Outbox;

/// <summary>Reads and settles one module's outbox through that module's own DbContext.</summary>
public interface IOutboxStore
{
    string Module { get; }

    /// <summary>The module's DbContext type, as <see cref="OutboxSignal.TakeWritten"/> reports it.</summary>
    Type ContextType { get; }

    /// <summary>
    /// Claims a batch of unprocessed messages, has <paramref name="deliver"/> deliver them and
    /// records each outcome. Returns whether more messages may be waiting.
    /// </summary>
    Task<bool> DrainBatchAsync(IServiceProvider services, DeliverBatch deliver, CancellationToken cancellationToken);
}

/// <summary>Delivers a batch; for each message, null when it was delivered, else why not.</summary>
public delegate Task<IReadOnlyList<Exception?>> DeliverBatch(IReadOnlyList<OutboxMessage> batch, CancellationToken cancellationToken);

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

    public Type ContextType => typeof(TContext);

    public async Task<bool> DrainBatchAsync(IServiceProvider services, DeliverBatch deliver, CancellationToken cancellationToken)
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

        if (batch.Count == 0)
        {
            return false;
        }

        var outcomes = await deliver(batch, cancellationToken);
        var now = clock.GetUtcNow();
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is { } failure)
            {
                batch[i].Attempts++;
                batch[i].LastError = failure.GetType().Name + ": " + Truncate(failure.Message, 1800);
            }
            else
            {
                batch[i].ProcessedAt = now;
                batch[i].LastError = null;
            }
        }

        // A SaveChanges, not ExecuteUpdate: on SQLite only saves queue for the one writer slot
        // (SqliteWriteGate), and a write beside them waits in SQLite's sleeping busy handler.
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        // A full batch that all went through suggests more is waiting; a failure waits for the next poll.
        return batch.Count == BatchSize && outcomes.All(o => o is null);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
