namespace CreatorOS.SharedKernel.Outbox;

/// <summary>Receipt that a handler has processed an event id (the idempotency record).</summary>
public sealed class HandledEvent
{
    public required string Handler { get; init; }

    public required Guid EventId { get; init; }

    public required DateTimeOffset HandledAt { get; init; }
}
