using System.Globalization;
using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Social;
using CreatorOS.Modules.Experiments.Assignment;
using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>
/// Sign-ins are not published by Accounts, so the retention metrics count the coach activity that
/// other modules do publish: besides store changes (<see cref="RecordStoreMilestones"/>), finishing
/// onboarding with Avery and a social import. One <c>active</c> fact per unit and UTC day.
/// </summary>
internal sealed class RecordCoachActivity(Assigner facts) : IIntegrationEventHandler<OnboardingCompleted>, IIntegrationEventHandler<SocialDraftsReady>
{
    public Task HandleAsync(OnboardingCompleted integrationEvent, CancellationToken cancellationToken) =>
        ActiveAsync(integrationEvent.WorkspaceId, integrationEvent.OccurredAt, cancellationToken);

    public Task HandleAsync(SocialDraftsReady integrationEvent, CancellationToken cancellationToken) =>
        ActiveAsync(integrationEvent.WorkspaceId, integrationEvent.OccurredAt, cancellationToken);

    private Task ActiveAsync(Guid workspaceId, DateTimeOffset at, CancellationToken cancellationToken) =>
        facts.TrackOnceAsync(workspaceId.ToString("D"), MetricEvents.Active, at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, at, cancellationToken);
}
