using CreatorOS.Contracts.Social;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Conversation;

namespace CreatorOS.Modules.Assistant.Tools;

internal sealed class GetStoreAnalyticsTool(IStorefront storefront, ISocialConnections social, TimeProvider clock) : IAveryTool
{
    public string Name => ToolNames.GetStoreAnalytics;

    public bool ReadsOnly => true;

    public string Description => "How the coach's store is doing: blogs, subscribers, monthly revenue, upcoming live sessions, launch checklist.";

    public string ParametersSchema => """{"type":"object","properties":{},"additionalProperties":false}""";

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var store = await storefront.FindAsync(scope.WorkspaceId, cancellationToken);
        if (store is null)
        {
            return ToolOutcome.Refused("Your store isn't open yet.");
        }

        var scorecard = PhaseRules.ScorecardOf(store, socialsConnected: await social.AnyAsync(scope.WorkspaceId, cancellationToken));
        var revenue = (store.Price?.Amount ?? 0) * store.SubscriberCount;
        var data = new StoreAnalyticsData(
            store.Blogs.Count(b => b.Status == "published"),
            store.Blogs.Count(b => b.Status == "draft"),
            store.SubscriberCount,
            revenue,
            store.Price?.Currency,
            store.LiveSessions.Count(s => s.StartsAt > clock.GetUtcNow()),
            scorecard.DoneCount);
        return ToolOutcome.Read(ToolResult.Done($"{data.Subscribers} subscribers, {data.PublishedBlogs} published posts.", data));
    }
}
