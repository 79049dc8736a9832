using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>One-tap publish from the chat: publishes the coach's drafts by id (only this workspace's).</summary>
internal sealed class PublishBlogPostsTool(IStorefront storefront) : IAveryTool
{
    private const int MaxIds = 10;

    public string Name => ToolNames.PublishBlogPosts;

    public string Description => "Publish blog drafts on the coach's store, after the coach asked to.";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "blog_ids":{"type":"string","description":"Comma-separated ids of the drafts to publish"}
        },"required":["blog_ids"],"additionalProperties":false}
        """;

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var raw = arguments.RequiredString("blog_ids", (MaxIds * 37) + 10);
        var ids = new List<Guid>();
        foreach (var part in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            ids.Add(Guid.TryParse(part, out var id) ? id : throw new ToolArgumentException("'blog_ids' must be blog ids separated by commas."));
        }

        var store = await storefront.FindAsync(scope.WorkspaceId, cancellationToken);
        var blogs = store?.Blogs.Where(b => ids.Contains(b.Id)).ToList() ?? [];
        if (blogs.Count == 0)
        {
            return ToolOutcome.Refused("I can't find those drafts on your store.");
        }

        var published = new List<BlogView>();
        foreach (var blog in blogs)
        {
            if (blog.Status != "published" && !(await storefront.PublishBlogAsync(scope.WorkspaceId, blog.Id, cancellationToken)).Succeeded)
            {
                continue;
            }

            published.Add(blog);
        }

        return published.Count == 0
            ? ToolOutcome.Refused("I couldn't publish those drafts.")
            : ToolOutcome.WithChanges(ToolResult.Done($"Published {published.Count} posts.", new BlogsPublishedData(published)), StoreSection.Blogs);
    }
}
