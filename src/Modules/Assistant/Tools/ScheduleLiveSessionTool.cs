using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Tools;

internal sealed class ScheduleLiveSessionTool(IStorefront storefront) : IAveryTool
{
    public string Name => ToolNames.ScheduleLiveSession;

    public string Description => "Schedule a live session on the coach's store.";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "title":{"type":"string","maxLength":120},
          "starts_at":{"type":"string","format":"date-time","description":"ISO-8601, UTC"}
        },"required":["title","starts_at"],"additionalProperties":false}
        """;

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var title = arguments.RequiredString("title", 120);
        var startsAt = arguments.RequiredInstant("starts_at");
        var result = await storefront.ScheduleLiveSessionAsync(scope.WorkspaceId, title, startsAt, cancellationToken);
        return result.Succeeded
            ? ToolOutcome.WithChanges(ToolResult.Done($"Scheduled “{title}” for {startsAt:dddd d MMMM, HH:mm} UTC.", result.Value), StoreSection.Sessions)
            : ToolOutcome.Refused(result.Problem());
    }
}
