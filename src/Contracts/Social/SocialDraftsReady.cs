using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Contracts.Social;

/// <summary>One draft blog made from a social post.</summary>
public sealed record SocialDraftSummary(Guid BlogId, string Title, string Platform);

/// <summary>
/// The weekly refresh drafted blogs from a coach's new posts; Avery tells the coach next time
/// they open the chat. UserId is the owner who connected the accounts (whose conversation gets the message). EventId is derived from the workspace and the week, so a re-run raises the same event.
/// </summary>
public sealed record SocialDraftsReady(Guid EventId, DateTimeOffset OccurredAt, Guid WorkspaceId, Guid UserId, IReadOnlyList<SocialDraftSummary> Drafts) : IIntegrationEvent;
