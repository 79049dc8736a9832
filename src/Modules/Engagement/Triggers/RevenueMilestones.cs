using System.Globalization;
using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Engagement.Nudges;

namespace CreatorOS.Modules.Engagement.Triggers;

/// <summary>
/// Spec 5.3's revenue milestones (100 / 500 / 1,000 / 5,000 in the store's currency), each fired once
/// per workspace. There is no payments module yet, so "revenue" is monthly recurring revenue:
/// active subscribers × the store's subscription price, the figure the subscriber-milestone copy
/// already quotes. When payments land this should read revenue actually received instead.
/// </summary>
internal sealed class RevenueMilestones(MilestoneLedger ledger, NudgeScheduler scheduler, IUserDirectory users, IStorefront storefront, TimeProvider clock)
{
    public static readonly IReadOnlyList<decimal> Thresholds = [100m, 500m, 1_000m, 5_000m];

    /// <summary>
    /// Records every threshold the store's monthly revenue has reached and announces the highest
    /// newly reached one: a jump from 0 to 600 says "crossed 500", not two messages.
    /// </summary>
    public async Task CheckAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var store = await storefront.FindAsync(workspaceId, cancellationToken);
        if (store?.Price is not { } price)
        {
            return;
        }

        var monthly = price.Amount * store.SubscriberCount;
        var reached = new List<string>();
        decimal? announce = null;
        foreach (var threshold in Thresholds.Where(t => monthly >= t))
        {
            if (await ledger.AddAsync(workspaceId, Key(threshold), cancellationToken))
            {
                reached.Add(Key(threshold));
                announce = threshold;
            }
        }

        if (announce is not { } amount)
        {
            return;
        }

        // The milestones and their announcement are saved as one: a failure throws and the event is handled again.
        var values = NudgeValues.Write(new Dictionary<string, string> { ["milestone_amount"] = StoreFigures.Money(price.Currency, amount) });
        foreach (var owner in await users.OwnersAsync(workspaceId, cancellationToken))
        {
            await scheduler.AddAsync(workspaceId, owner, NudgeCatalogue.RevenueMilestone, NudgeCatalogue.RevenueMilestone.Template, clock.GetUtcNow(), "milestone:" + Key(amount), values, cancellationToken);
        }

        await scheduler.SaveAsync(token => ledger.AllReachedAsync(workspaceId, reached, token), cancellationToken);
    }

    /// <summary>Keyed by amount, not currency: switching currency does not repeat a milestone.</summary>
    private static string Key(decimal threshold) => "revenue:" + threshold.ToString("0", CultureInfo.InvariantCulture);
}
