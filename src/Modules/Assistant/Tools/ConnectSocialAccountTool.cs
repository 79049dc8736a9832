namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>
/// Social OAuth arrives with the Social module (a later issue). Until then this tool says so
/// plainly instead of pretending; the conversation offers to skip to niche blogs.
/// </summary>
internal sealed class ConnectSocialAccountTool : IAveryTool
{
    private static readonly string[] Platforms = ["instagram", "tiktok", "youtube"];

    public string Name => ToolNames.ConnectSocialAccount;

    public string Description => "Start connecting the coach's Instagram, TikTok or YouTube account (opens the platform's sign-in).";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "platform":{"type":"string","enum":["instagram","tiktok","youtube"]}
        },"required":["platform"],"additionalProperties":false}
        """;

    public Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var platform = arguments.OptionalChoice("platform", Platforms) ?? throw new ToolArgumentException("'platform' is needed: instagram, tiktok or youtube.");
        return Task.FromResult(ToolOutcome.Read(ToolResult.Done(
            "Social connections are not switched on on this server yet.",
            new SocialConnectData(platform, "not_available", null))));
    }
}
