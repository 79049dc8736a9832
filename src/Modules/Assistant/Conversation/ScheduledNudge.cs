namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>A scheduled nudge (spec table avery_nudges). Unused: nudges live in the Engagement module (ADR 0010); kept until a migration drops it.</summary>
internal sealed class ScheduledNudge
{
    public required Guid Id { get; init; }

    public required Guid WorkspaceId { get; init; }

    public required Guid UserId { get; init; }

    public required string NudgeType { get; init; }

    public required DateTimeOffset ScheduledFor { get; set; }

    public required string MessageContent { get; init; }

    public string? Buttons { get; init; }

    public required string Status { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }
}
