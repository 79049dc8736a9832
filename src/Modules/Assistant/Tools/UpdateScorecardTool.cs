using CreatorOS.Contracts.Social;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Conversation;

namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>
/// The scorecard is derived from the store; the one item only the coach can report is that they
/// shared their store, so that is the one this tool can tick.
/// </summary>
internal sealed class UpdateScorecardTool(IStorefront storefront, ISocialConnections social) : IAveryTool
{
    public string Name => ToolNames.UpdateScorecard;

    public string Description => "Tick a launch checklist item the coach reports as done. Only 'shared' can be ticked by hand; the others follow the store.";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "item":{"type":"string","enum":["shared"]},
          "done":{"type":"boolean"}
        },"required":["item","done"],"additionalProperties":false}
        """;

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var item = arguments.RequiredString("item", 20).ToLowerInvariant();
        if (item != "shared")
        {
            return ToolOutcome.Refused($"The '{item}' item ticks itself when it is done on your store.");
        }

        if (!arguments.OptionalBool("done"))
        {
            return ToolOutcome.Refused("Sharing can't be undone once your store is out there.");
        }

        var result = await storefront.MarkSharedAsync(scope.WorkspaceId, cancellationToken);
        if (!result.Succeeded)
        {
            return ToolOutcome.Refused(result.Problem());
        }

        var store = (await storefront.FindAsync(scope.WorkspaceId, cancellationToken))!;
        return ToolOutcome.Read(ToolResult.Done("Marked your store as shared.", PhaseRules.ScorecardOf(store, socialsConnected: await social.AnyAsync(scope.WorkspaceId, cancellationToken))));
    }
}
