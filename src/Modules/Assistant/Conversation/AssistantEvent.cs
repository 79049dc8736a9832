namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>An analytics event (spec table avery_events), e.g. avery_function_executed.</summary>
internal sealed class AssistantEvent
{
    public required Guid Id { get; init; }

    public required Guid WorkspaceId { get; init; }

    public required Guid UserId { get; init; }

    public required string EventName { get; init; }

    /// <summary>JSON object.</summary>
    public required string Properties { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
