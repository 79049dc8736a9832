using CreatorOS.Modules.Assistant.Conversation;

namespace CreatorOS.Modules.Assistant.Spending;

/// <summary>
/// The coach whose turn this scope is running, set by the brain router, so that writers called by
/// tools (blog and share posts) charge their model calls to the right coach and budget.
/// </summary>
internal sealed class TurnCoach
{
    public CoachIdentity? Coach { get; set; }
}
