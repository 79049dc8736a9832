using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CreatorOS.SharedKernel.Outbox;

/// <summary>
/// Wakes the dispatcher as soon as a SaveChanges wrote outbox messages, so events are handled
/// in milliseconds rather than at the next poll, and says whose outbox they are in: a wake-up
/// drains those outboxes only, instead of querying every module's.
/// </summary>
public sealed class OutboxSignal : SaveChangesInterceptor, IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);
    private readonly ConditionalWeakTable<DbContext, object> _savingEvents = [];
    private readonly ConcurrentDictionary<Type, bool> _written = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && WritesOutboxMessages(context.ChangeTracker))
        {
            _savingEvents.AddOrUpdate(context, context);
        }

        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _savingEvents.Remove(context))
        {
            // Marked before the wake-up, so the drain it causes sees this outbox.
            _written[context.GetType()] = true;
            Raise();
        }

        return ValueTask.FromResult(result);
    }

    /// <summary>The contexts that saved outbox messages since the last call; each is reported once.</summary>
    public IReadOnlySet<Type> TakeWritten()
    {
        var written = new HashSet<Type>();
        foreach (var type in _written.Keys)
        {
            if (_written.TryRemove(type, out _))
            {
                written.Add(type);
            }
        }

        return written;
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

    /// <summary>
    /// Outbox messages are added, never found by DetectChanges, so the tracker is read as it is:
    /// SaveChanges scans the entities for changes right after this anyway, and twice per save
    /// showed in profiles.
    /// </summary>
    private static bool WritesOutboxMessages(ChangeTracker tracker)
    {
        var detects = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detects;
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _pending.Dispose();
}
