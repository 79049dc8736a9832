using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Contracts.Assistant;

/// <summary>Avery's onboarding reached 100% for a coach (spec 5.1). Engagement schedules the first-week nudges.</summary>
public sealed record OnboardingCompleted(Guid EventId, DateTimeOffset OccurredAt, Guid WorkspaceId, Guid UserId) : IIntegrationEvent;
