namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>A notification in a user's in-app inbox; email and push deliveries hang off it.</summary>
internal sealed class Notification
{
    public required Guid Id { get; init; }

    public required Guid UserId { get; init; }

    public Guid? WorkspaceId { get; init; }

    public required string Category { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    public string? Link { get; init; }

    /// <summary>The caller's key for the fact it reports; unique, so a repeat send adds nothing.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>False when the user muted in-app for this category: kept for the record, not shown.</summary>
    public required bool InInbox { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; set; }
}
