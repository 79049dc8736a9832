using CreatorOS.Contracts.Social;

namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>The coach's best posts, ranked by the Social module with the spec's scoring.</summary>
internal sealed class GetSocialTopPostsTool(ISocialConnections social) : IAveryTool
{
    public string Name => ToolNames.GetSocialTopPosts;

    public bool ReadsOnly => true;

    public string Description => "The coach's best-performing social posts, from connected accounts.";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "platform":{"type":"string","enum":["instagram","tiktok","youtube"]},
          "count":{"type":"integer","minimum":1,"maximum":10,"default":5}
        },"additionalProperties":false}
        """;

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var platform = arguments.OptionalChoice("platform", [.. SocialPlatforms.All]);
        var count = arguments.OptionalInt("count", 1, 10, fallback: 5);
        var top = await social.GetTopPostsAsync(scope.WorkspaceId, platform, count, cancellationToken);
        var posts = top.Posts.Select(p => new SocialPostSummary(p.Platform, p.Caption, p.MediaUrl, (int)Math.Min(p.Score, int.MaxValue))).ToList();
        return top.Status switch
        {
            "ok" => ToolOutcome.Read(ToolResult.Done($"{posts.Count} top posts.", new SocialPostsData(true, posts, top.Problem))),
            "unavailable" => ToolOutcome.Refused(top.Problem ?? "The platform isn't answering right now.", new SocialPostsData(true, [], top.Problem)),
            _ => ToolOutcome.Read(ToolResult.Done("No social account is connected.", new SocialPostsData(false, []))),
        };
    }
}
