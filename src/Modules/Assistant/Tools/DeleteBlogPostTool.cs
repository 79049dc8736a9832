using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Tools;

internal sealed class DeleteBlogPostTool(IStorefront storefront) : IAveryTool
{
    public string Name => ToolNames.DeleteBlogPost;

    public string Description => "Delete one of the coach's blog posts. Only after the coach confirmed; pass confirmed=true.";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "blog_id":{"type":"string","format":"uuid"},
          "confirmed":{"type":"boolean","description":"true only when the coach said yes to deleting this post"}
        },"required":["blog_id","confirmed"],"additionalProperties":false}
        """;

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var blogId = arguments.RequiredGuid("blog_id");
        if (!arguments.OptionalBool("confirmed"))
        {
            return ToolOutcome.Refused("I need the coach to confirm before deleting a post.");
        }

        var store = await storefront.FindAsync(scope.WorkspaceId, cancellationToken);
        var blog = store?.Blogs.FirstOrDefault(b => b.Id == blogId);
        if (blog is null)
        {
            return ToolOutcome.Refused("I can't find that post on your store.");
        }

        var result = await storefront.DeleteBlogAsync(scope.WorkspaceId, blogId, cancellationToken);
        return result.Succeeded
            ? ToolOutcome.WithChanges(ToolResult.Done($"Deleted “{blog.Title}”.", new BlogDeletedData(blog.Id, blog.Title)), StoreSection.Blogs)
            : ToolOutcome.Refused(result.Problem());
    }
}
