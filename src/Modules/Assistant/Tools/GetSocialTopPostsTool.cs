namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>No account can be connected yet (see <see cref="ConnectSocialAccountTool"/>), so there are no posts to rank.</summary>
internal sealed class GetSocialTopPostsTool : IAveryTool
{
    public string Name => ToolNames.GetSocialTopPosts;

    public string Description => "The coach's best-performing social posts, from connected accounts.";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "platform":{"type":"string","enum":["instagram","tiktok","youtube"]}
        },"additionalProperties":false}
        """;

    public Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken) =>
        Task.FromResult(ToolOutcome.Read(ToolResult.Done("No social account is connected.", new SocialPostsData(false, []))));
}
