using System.Globalization;
using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Engagement.Nudges;
using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Modules.Engagement.Triggers;

/// <summary>
/// Spec 5.3's real-time triggers on a new subscriber: the first one, and 10/25/50/100/250/500/1000
/// with the monthly revenue. Each milestone is recorded per workspace, so it fires once even if
/// the count is reported twice or drops and climbs back. Counts can skip (an import adds 12 at
/// once, an event is lost): every milestone at or below the count is recorded and the highest new
/// one announced, like <see cref="RevenueMilestones"/>. The message goes out through the nudge
/// processor (due at once), which gives it the same exactly-once delivery.
/// </summary>
internal sealed class MilestoneTriggers(MilestoneLedger ledger, NudgeScheduler scheduler, IUserDirectory users, IStorefront storefront, TimeProvider clock) : IIntegrationEventHandler<SubscriberJoined>
{
    public static readonly IReadOnlyList<int> SubscriberMilestones = [10, 25, 50, 100, 250, 500, 1000];

    private const string MonthlyRevenueSentence = " That's {monthly_revenue}/month.";

    public async Task HandleAsync(SubscriberJoined integrationEvent, CancellationToken cancellationToken)
    {
        var workspaceId = integrationEvent.WorkspaceId;
        var subscribers = integrationEvent.SubscriberCount;
        var candidates = SubscriberMilestones.Prepend(1).Where(m => m <= subscribers).ToList();
        var unreached = await ledger.UnreachedAsync(workspaceId, [.. candidates.Select(Key)], cancellationToken);
        var fresh = candidates.Where(m => unreached.Contains(Key(m))).ToList();

        // Only the first subscriber's own event knows their name: a later event handled first leaves it
        // to that one. Once a higher milestone is announced, the first subscriber is recorded with it, unsaid.
        if (fresh.Count == 0 || (fresh is [1] && subscribers != 1))
        {
            return;
        }

        foreach (var milestone in fresh)
        {
            await ledger.AddAsync(workspaceId, Key(milestone), cancellationToken);
        }

        var count = fresh[^1];

        // "Your first subscriber, Sam" only when that is the news; a store that jumps to 12 hears about 10.
        var (kind, template, values) = count == 1
            ? (NudgeCatalogue.FirstSubscriber, NudgeCatalogue.FirstSubscriber.Template, new Dictionary<string, string> { ["subscriber_name"] = SubscriberName(integrationEvent) })
            : await MilestoneMessageAsync(workspaceId, count, cancellationToken);

        // The ledger rows and every owner's nudge are saved as one: a failure throws and the event is handled again.
        foreach (var owner in await users.OwnersAsync(workspaceId, cancellationToken))
        {
            await scheduler.AddAsync(workspaceId, owner, kind, template, clock.GetUtcNow(), "milestone:" + Key(count), NudgeValues.Write(values), cancellationToken);
        }

        await scheduler.SaveAsync(token => ledger.AllReachedAsync(workspaceId, [.. fresh.Select(Key)], token), cancellationToken);
    }

    private static string Key(int milestone) => "subscribers:" + milestone.ToString(CultureInfo.InvariantCulture);

    private static string SubscriberName(SubscriberJoined integrationEvent) =>
        string.IsNullOrWhiteSpace(integrationEvent.SubscriberName) ? "Someone" : integrationEvent.SubscriberName.Trim();

    /// <summary>The milestone copy with the revenue it means at today's price; without a price the revenue sentence is left out.</summary>
    private async Task<(NudgeKind Kind, string Template, Dictionary<string, string> Values)> MilestoneMessageAsync(Guid workspaceId, int count, CancellationToken cancellationToken)
    {
        var kind = NudgeCatalogue.SubscriberMilestone;
        var values = new Dictionary<string, string> { ["milestone"] = count.ToString(CultureInfo.InvariantCulture) };
        var price = (await storefront.FindAsync(workspaceId, cancellationToken))?.Price;
        if (price is null)
        {
            return (kind, kind.Template.Replace(MonthlyRevenueSentence, string.Empty, StringComparison.Ordinal), values);
        }

        values["monthly_revenue"] = StoreFigures.Money(price.Currency, price.Amount * count);
        return (kind, kind.Template, values);
    }
}
