namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>A message in the conversation (spec table avery_messages). Role: coach | avery | system.</summary>
internal sealed class ConversationMessage
{
    public const string CoachRole = "coach";
    public const string AveryRole = "avery";
    public const string SystemRole = "system";

    public required Guid Id { get; init; }

    public required Guid WorkspaceId { get; init; }

    public required Guid UserId { get; init; }

    public required string Role { get; init; }

    public required string Content { get; init; }

    /// <summary>JSON array of buttons, or null.</summary>
    public string? Buttons { get; init; }

    /// <summary>JSON preview card, or null.</summary>
    public string? Preview { get; init; }

    public int? ProgressPct { get; init; }

    /// <summary>JSON array of { name, ok, summary } for the tools this reply ran.</summary>
    public string? FunctionCalls { get; init; }

    public required string Phase { get; init; }

    /// <summary>The client's messageId, for de-duplication.</summary>
    public string? ClientMessageId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
