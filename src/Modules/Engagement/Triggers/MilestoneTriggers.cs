using System.Globalization;
using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Engagement.Nudges;
using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Modules.Engagement.Triggers;

/// <summary>
/// Spec 5.3's real-time triggers on a new subscriber: the first one, and 10/25/50/100/250/500/1000
/// with the monthly revenue. Each milestone is recorded per workspace, so it fires once even if
/// the count is reported twice or drops and climbs back. The message goes out through the nudge
/// processor (due at once), which gives it the same exactly-once delivery.
/// </summary>
internal sealed class MilestoneTriggers(MilestoneLedger ledger, NudgeScheduler scheduler, IUserDirectory users, IStorefront storefront, TimeProvider clock) : IIntegrationEventHandler<SubscriberJoined>
{
    public static readonly IReadOnlyList<int> SubscriberMilestones = [10, 25, 50, 100, 250, 500, 1000];

    public async Task HandleAsync(SubscriberJoined integrationEvent, CancellationToken cancellationToken)
    {
        var count = integrationEvent.SubscriberCount;
        var (key, kind, template) = count switch
        {
            1 => ("subscribers:1", NudgeCatalogue.FirstSubscriber, NudgeCatalogue.FirstSubscriber.Template.Replace("{subscriber_name}", integrationEvent.SubscriberName, StringComparison.Ordinal)),
            _ when SubscriberMilestones.Contains(count) => ($"subscribers:{count}", NudgeCatalogue.SubscriberMilestone, await MilestoneTextAsync(integrationEvent.WorkspaceId, count, cancellationToken)),
            _ => (null, null, null),
        };
        if (key is null || kind is null || template is null || !await ledger.AddAsync(integrationEvent.WorkspaceId, key, cancellationToken))
        {
            return;
        }

        // The ledger row and every owner's nudge are saved as one: a failure throws and the event is handled again.
        foreach (var owner in await users.OwnersAsync(integrationEvent.WorkspaceId, cancellationToken))
        {
            await scheduler.AddAsync(integrationEvent.WorkspaceId, owner, kind, template, clock.GetUtcNow(), $"milestone:{key}", cancellationToken);
        }

        await scheduler.SaveAsync(token => ledger.AllReachedAsync(integrationEvent.WorkspaceId, [key], token), cancellationToken);
    }

    private async Task<string> MilestoneTextAsync(Guid workspaceId, int count, CancellationToken cancellationToken)
    {
        var price = (await storefront.FindAsync(workspaceId, cancellationToken))?.Price;
        var text = NudgeCatalogue.SubscriberMilestone.Template.Replace("{milestone}", count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return price is null
            ? text.Replace(" That's {monthly_revenue}/month.", string.Empty, StringComparison.Ordinal)
            : text.Replace("{monthly_revenue}", StoreFigures.Money(price.Currency, price.Amount * count), StringComparison.Ordinal);
    }
}
