using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Content;

namespace CreatorOS.Modules.Assistant.Tools;

internal sealed class GenerateShareContentTool(IStorefront storefront, IShareWriter writer, Safety.IContentModerator moderator) : IAveryTool
{
    private static readonly string[] Platforms = ["instagram", "tiktok", "facebook", "linkedin", "x"];

    public string Name => ToolNames.GenerateShareContent;

    public string Description => "Write a short post the coach can share to announce their store, with its link.";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "platform":{"type":"string","enum":["instagram","tiktok","facebook","linkedin","x"],"default":"instagram"}
        },"additionalProperties":false}
        """;

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var platform = arguments.OptionalChoice("platform", Platforms) ?? "instagram";
        var store = await storefront.FindAsync(scope.WorkspaceId, cancellationToken);
        if (store is null)
        {
            return ToolOutcome.Refused("Your store isn't open yet.");
        }

        var url = scope.UrlOf(store);
        var text = await writer.WriteAsync(new ShareBrief(store.Profile.PreferredName, store.Profile.Niche, store.Profile.Specialty, url, store.Price?.Display, platform), cancellationToken);
        if ((await moderator.CheckAsync(text, cancellationToken)).Flagged)
        {
            return ToolOutcome.Refused("I couldn't write a post I'd be happy for you to share. Let's try again in a moment.");
        }

        return ToolOutcome.Read(ToolResult.Done("Share post written.", new ShareContentData(platform, text, url)));
    }
}
