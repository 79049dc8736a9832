namespace CreatorOS.SharedKernel.Outbox;

/// <summary>A fact one module tells the others. Concrete events live in Contracts.</summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }
}

/// <summary>
/// Handles one event type. Handlers run at least once; the dispatcher records which handler
/// saw which event id, so a handler that already saw an event is not run again.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Whether this event concerns the handler at all. Saying no up front spares the receipt read and
    /// write a handled event costs (a store changes on most of Avery's turns; few handlers care which part).
    /// </summary>
    bool Wants(TEvent integrationEvent) => true;
}
