namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>
/// One coach's conversation with Avery in one workspace (spec table avery_coach_context). Name,
/// niche, specialty and tone live in the store; only what the store cannot know is kept here.
/// </summary>
internal sealed class CoachConversation
{
    public required Guid WorkspaceId { get; init; }

    public required Guid UserId { get; init; }

    public required string CurrentPhase { get; set; }

    /// <summary>JSON: skipped phases and the brain's remembered facts (<see cref="PhaseState"/>).</summary>
    public required string PhaseData { get; set; }

    public bool OnboardingComplete { get; set; }

    public DateTimeOffset? OnboardingCompletedAt { get; set; }

    public int TotalMessages { get; set; }

    public required DateTimeOffset LastInteractionAt { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }
}

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

/// <summary>A scheduled nudge (spec table avery_nudges). Written by the completion handler; delivered by the Engagement work.</summary>
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
