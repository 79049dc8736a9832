using CreatorOS.Contracts.Social;
using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>
/// Spec Ticket 3.4 "from social content": one draft per top post not used before (cover image,
/// platform and post id recorded), left unpublished so the coach publishes with one tap.
/// </summary>
internal sealed class DraftBlogsFromSocialTool(ISocialConnections social) : IAveryTool
{
    public string Name => ToolNames.DraftBlogsFromSocial;

    public string Description => "Turn the coach's best social posts into blog drafts (one per post, not published; the coach publishes them).";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "count":{"type":"integer","minimum":1,"maximum":3,"default":3}
        },"additionalProperties":false}
        """;

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var count = arguments.OptionalInt("count", 1, 3, fallback: 3);
        var result = await social.DraftBlogsFromTopPostsAsync(scope.WorkspaceId, count, cancellationToken);
        return result.Status switch
        {
            "ok" => ToolOutcome.WithChanges(ToolResult.Done($"Drafted {result.Drafts.Count} blogs from top posts.", new SocialDraftsData(result.Drafts)), StoreSection.Blogs),
            "not_connected" => ToolOutcome.Refused("No social account is connected."),
            "no_posts" => ToolOutcome.Refused("I couldn't find posts with enough text to turn into blogs."),
            _ => ToolOutcome.Refused(result.Problem ?? "The platform isn't answering right now."),
        };
    }
}
