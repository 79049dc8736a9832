using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CreatorOS.SharedKernel.Persistence;

/// <summary>
/// SQLite has one writer at a time. Without a gate, concurrent SaveChanges calls collide on the
/// file lock and wait in SQLite's busy handler, which polls with sleeps and adds long, uneven
/// delays under load. Queuing writers in-process lets each one start as soon as the previous
/// commits. Only registered for SQLite; PostgreSQL handles concurrent writers itself.
/// </summary>
public sealed class SqliteWriteGate : SaveChangesInterceptor, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, object> _holding = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // A context inside its own explicit transaction already holds SQLite's lock between saves.
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await _writer.WaitAsync(cancellationToken);
            _holding.AddOrUpdate(context, context);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            _writer.Wait();
            _holding.AddOrUpdate(context, context);
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    private void Release(DbContext? context)
    {
        if (context is not null && _holding.Remove(context))
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();
}
