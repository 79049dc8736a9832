using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CreatorOS.SharedKernel.Outbox;

/// <summary>
/// Delivers outbox messages of every module to the in-process handlers. Wakes on
/// <see cref="OutboxSignal"/> and drains the outboxes it names, and polls every outbox every few
/// seconds for anything left behind (another node's messages, a failed delivery's retry).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceProvider services,
    IConfiguration configuration,
    IEnumerable<IOutboxStore> stores,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<Type, MethodInfo> Dispatchers = new();
    private readonly SemaphoreSlim _oneDrainAtATime = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Tests that drive delivery step by step switch the loop off and call DispatchPendingAsync.
        if (!configuration.GetValue("Outbox:BackgroundDispatch", defaultValue: true))
        {
            return;
        }

        IReadOnlySet<Type>? written = null;
        var lastFullDrain = clock.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(written, stoppingToken);
                var woken = await signal.WaitAsync(PollInterval, stoppingToken);

                // Every outbox at least once a poll interval, even when saves keep waking the loop:
                // other nodes' messages and failed deliveries raise no signal here.
                if (!woken || clock.GetElapsedTime(lastFullDrain) >= PollInterval)
                {
                    signal.TakeWritten();
                    written = null;
                    lastFullDrain = clock.GetTimestamp();
                }
                else
                {
                    written = signal.TakeWritten();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be briefly unavailable; try again at the next poll.
                logger.LogWarning(exception, "Outbox dispatch failed; retrying");
                written = null;
                lastFullDrain = clock.GetTimestamp();
                await Task.Delay(PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Drains every outbox until nothing is pending. Public so tests and shutdown can flush.</summary>
    public Task DispatchPendingAsync(CancellationToken cancellationToken) => DrainAsync(null, cancellationToken);

    /// <summary>Drains the outboxes of <paramref name="contexts"/>, or every outbox when null.</summary>
    private async Task DrainAsync(IReadOnlySet<Type>? contexts, CancellationToken cancellationToken)
    {
        await _oneDrainAtATime.WaitAsync(cancellationToken);
        try
        {
            foreach (var store in stores)
            {
                if (contexts is not null && !contexts.Contains(store.ContextType))
                {
                    continue;
                }

                while (await store.DrainBatchAsync(services, DeliverBatchAsync, cancellationToken))
                {
                }
            }
        }
        finally
        {
            _oneDrainAtATime.Release();
        }
    }

    /// <summary>
    /// Receipts say which handlers already ran for an event, so a redelivery (a node stopped before
    /// the message was marked, or a later handler failed) runs only the others. They live in their
    /// own scope, so a handler's failed unit of work never takes them down, and are read once per
    /// batch and written together before the batch is marked, even when a handler throws.
    /// </summary>
    private async Task<IReadOnlyList<Exception?>> DeliverBatchAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        await using var receiptScope = services.CreateAsyncScope();
        var kernel = receiptScope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var ids = batch.Select(m => m.Id).ToList();
        var seen = (await kernel.HandledEvents.Where(h => ids.Contains(h.EventId)).Select(h => new { h.EventId, h.Handler }).ToListAsync(cancellationToken))
            .Select(h => (h.EventId, h.Handler))
            .ToHashSet();
        var outcomes = new Exception?[batch.Count];
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    await DeliverAsync(batch[i], seen, kernel, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    outcomes[i] = exception;
                }
            }
        }
        finally
        {
            if (kernel.ChangeTracker.HasChanges())
            {
                await kernel.SaveChangesAsync(CancellationToken.None);
            }
        }

        return outcomes;
    }

    private async Task DeliverAsync(OutboxMessage message, HashSet<(Guid, string)> seen, KernelDbContext receipts, CancellationToken cancellationToken)
    {
        var integrationEvent = message.Deserialize();
        var dispatch = Dispatchers.GetOrAdd(integrationEvent.GetType(), type =>
            typeof(OutboxDispatcher).GetMethod(nameof(DeliverTypedAsync), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type));
        await (Task)dispatch.Invoke(this, [integrationEvent, seen, receipts, cancellationToken])!;
    }

    private async Task DeliverTypedAsync<TEvent>(TEvent integrationEvent, HashSet<(Guid, string)> seen, KernelDbContext receipts, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent
    {
        await using var scope = services.CreateAsyncScope();
        var eventId = integrationEvent.EventId;
        foreach (var handler in scope.ServiceProvider.GetServices<IIntegrationEventHandler<TEvent>>())
        {
            var handlerName = handler.GetType().FullName!;
            if (!handler.Wants(integrationEvent) || seen.Contains((eventId, handlerName)))
            {
                continue;
            }

            await handler.HandleAsync(integrationEvent, cancellationToken);
            receipts.HandledEvents.Add(new HandledEvent { Handler = handlerName, EventId = eventId, HandledAt = clock.GetUtcNow() });
        }
    }

    public override void Dispose()
    {
        _oneDrainAtATime.Dispose();
        base.Dispose();
    }
}
