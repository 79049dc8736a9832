using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CreatorOS.SharedKernel.Outbox;

/// <summary>
/// Delivers outbox messages of every module to the in-process handlers (one node). Wakes on
/// <see cref="OutboxSignal"/> and polls every few seconds for anything left behind.
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

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be briefly unavailable; try again at the next poll.
                logger.LogWarning(exception, "Outbox dispatch failed; retrying");
                await Task.Delay(PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Drains every outbox until nothing is pending. Public so tests and shutdown can flush.</summary>
    public async Task DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await _oneDrainAtATime.WaitAsync(cancellationToken);
        try
        {
            foreach (var store in stores)
            {
                while (await store.DrainBatchAsync(services, DeliverAsync, cancellationToken))
                {
                }
            }
        }
        finally
        {
            _oneDrainAtATime.Release();
        }
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var integrationEvent = message.Deserialize();
        var dispatch = Dispatchers.GetOrAdd(integrationEvent.GetType(), type =>
            typeof(OutboxDispatcher).GetMethod(nameof(DeliverTypedAsync), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type));
        await (Task)dispatch.Invoke(this, [integrationEvent, cancellationToken])!;
    }

    private async Task DeliverTypedAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent
    {
        await using var scope = services.CreateAsyncScope();
        var handlers = scope.ServiceProvider.GetServices<IIntegrationEventHandler<TEvent>>().Where(h => h.Wants(integrationEvent)).ToList();
        if (handlers.Count == 0)
        {
            return;
        }

        // Receipts live in their own scope, so a handler's failed unit of work never takes them down.
        // They are read once per event and written together, even when a later handler throws: the
        // ones that ran are not run again on the next attempt.
        await using var receiptScope = services.CreateAsyncScope();
        var kernel = receiptScope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var eventId = integrationEvent.EventId;
        var seen = await kernel.HandledEvents.Where(h => h.EventId == eventId).Select(h => h.Handler).ToListAsync(cancellationToken);
        try
        {
            foreach (var handler in handlers)
            {
                var handlerName = handler.GetType().FullName!;
                if (seen.Contains(handlerName))
                {
                    continue;
                }

                await handler.HandleAsync(integrationEvent, cancellationToken);
                kernel.HandledEvents.Add(new HandledEvent { Handler = handlerName, EventId = eventId, HandledAt = clock.GetUtcNow() });
            }
        }
        finally
        {
            if (kernel.ChangeTracker.HasChanges())
            {
                await kernel.SaveChangesAsync(CancellationToken.None);
            }
        }
    }

    public override void Dispose()
    {
        _oneDrainAtATime.Dispose();
        base.Dispose();
    }
}
