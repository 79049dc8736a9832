using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Experiments;
using CreatorOS.Contracts.Social;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Experiments.Assignment;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Onboarding;
using CreatorOS.SharedKernel.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>
/// Records <see cref="MetricEvents.OnboardingCompleted"/> once per coach, whichever path finished
/// onboarding (<see cref="OnboardingChecklists"/>): Avery's completion event, or a store change
/// after which the checklist the coach's variant shows is all done. The first completion counts.
/// </summary>
internal sealed class RecordOnboardingCompletion(ExperimentsDbContext db, IStorefront storefront, ISocialConnections social, Assigner facts, CompletedOnboardings completed)
    : IIntegrationEventHandler<OnboardingCompleted>, IIntegrationEventHandler<StoreChanged>
{
    public const string Reference = "first";

    public async Task HandleAsync(OnboardingCompleted integrationEvent, CancellationToken cancellationToken)
    {
        var unit = OnboardingEntry.UnitOf(integrationEvent.WorkspaceId);
        await facts.TrackOnceAsync(unit, MetricEvents.OnboardingCompleted, Reference, null, integrationEvent.OccurredAt, cancellationToken);
        completed.Add(unit);
    }

    /// <summary>No checklist reads the theme, so a change of the look alone cannot complete one.</summary>
    public bool Wants(StoreChanged integrationEvent) => integrationEvent.Sections.Any(s => s != StoreSection.Theme);

    public async Task HandleAsync(StoreChanged integrationEvent, CancellationToken cancellationToken) =>
        await CheckAsync(integrationEvent.WorkspaceId, integrationEvent.OccurredAt, cancellationToken);

    /// <summary>Records the completion if the coach's variant's checklist is done now (also called where the scorecard renders).</summary>
    public async Task CheckAsync(Guid workspaceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var unit = OnboardingEntry.UnitOf(workspaceId);
        if (completed.Contains(unit))
        {
            return;
        }

        var variant = await (from a in db.Assignments.AsNoTracking()
                             join e in db.Experiments.AsNoTracking() on a.ExperimentId equals e.Id
                             where e.Key == OnboardingExperiment.Key && a.UnitId == unit
                             select a.Variant).SingleOrDefaultAsync(cancellationToken);
        if (variant is null)
        {
            return;
        }

        if (await db.Events.AnyAsync(e => e.EventName == MetricEvents.OnboardingCompleted && e.UnitId == unit, cancellationToken))
        {
            completed.Add(unit);
            return;
        }

        var store = await storefront.FindAsync(workspaceId, cancellationToken);
        if (store is null)
        {
            return;
        }

        var socials = variant == OnboardingExperiment.Scorecard
            && (await social.ListAsync(workspaceId, cancellationToken)).Any(c => c.Status == "connected");
        if (OnboardingChecklists.Completed(variant, store, socials))
        {
            await facts.TrackOnceAsync(unit, MetricEvents.OnboardingCompleted, Reference, null, at, cancellationToken);
            completed.Add(unit);
        }
    }
}
