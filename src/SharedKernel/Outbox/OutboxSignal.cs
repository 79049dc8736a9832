using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CreatorOS.SharedKernel.Outbox;

/// <summary>
/// Wakes the dispatcher as soon as a SaveChanges wrote outbox messages, so events are handled
/// in milliseconds rather than at the next poll.
/// </summary>
public sealed class OutboxSignal : SaveChangesInterceptor, IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);
    private readonly ConditionalWeakTable<DbContext, object> _savingEvents = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            _savingEvents.AddOrUpdate(context, context);
        }

        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _savingEvents.Remove(context))
        {
            Raise();
        }

        return ValueTask.FromResult(result);
    }

    public void Raise()
    {
        // Usually already signalled under load; checking first avoids throwing on every save.
        if (_pending.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Signalled by another save in between: one wake-up drains everything pending.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _pending.Dispose();
}
