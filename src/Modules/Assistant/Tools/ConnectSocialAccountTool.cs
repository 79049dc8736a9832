using CreatorOS.Contracts.Social;

namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>
/// Starts connecting a platform: the client opens the returned URL in a popup, the Social module
/// runs the OAuth flow there, and the popup reports back with oauth_complete. "not_available" when
/// this server has no credentials (or no token key) for the platform; "connected" when it already is.
/// </summary>
internal sealed class ConnectSocialAccountTool(ISocialConnections social) : IAveryTool
{
    public string Name => ToolNames.ConnectSocialAccount;

    public string Description => "Start connecting the coach's Instagram, TikTok or YouTube account (opens the platform's sign-in).";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "platform":{"type":"string","enum":["instagram","tiktok","youtube"]}
        },"required":["platform"],"additionalProperties":false}
        """;

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var platform = arguments.OptionalChoice("platform", [.. SocialPlatforms.All]) ?? throw new ToolArgumentException("'platform' is needed: instagram, tiktok or youtube.");
        var existing = (await social.ListAsync(scope.WorkspaceId, cancellationToken)).FirstOrDefault(c => c.Platform == platform);
        var start = social.Start(platform);
        if (existing is { Status: "connected" })
        {
            return ToolOutcome.Read(ToolResult.Done($"{platform} is already connected as {existing.AccountName}.", new SocialConnectData(platform, "connected", start.Url)));
        }

        return start.Status == "ready"
            ? ToolOutcome.Read(ToolResult.Done($"Opening the {platform} sign-in.", new SocialConnectData(platform, "authorize", start.Url)))
            : ToolOutcome.Read(ToolResult.Done($"{platform} can't be connected on this server (no credentials configured).", new SocialConnectData(platform, "not_available", null)));
    }
}
