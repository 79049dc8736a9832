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
