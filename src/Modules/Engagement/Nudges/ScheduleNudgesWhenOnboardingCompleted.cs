using CreatorOS.Contracts.Assistant;
using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>Spec 5.1 step 5: once a coach finishes onboarding, the first week's nudges are scheduled.</summary>
internal sealed class ScheduleNudgesWhenOnboardingCompleted(NudgeScheduler scheduler) : IIntegrationEventHandler<OnboardingCompleted>
{
    public Task HandleAsync(OnboardingCompleted integrationEvent, CancellationToken cancellationToken) =>
        scheduler.ScheduleFirstWeekAsync(integrationEvent.WorkspaceId, integrationEvent.UserId, integrationEvent.OccurredAt, cancellationToken);
}
