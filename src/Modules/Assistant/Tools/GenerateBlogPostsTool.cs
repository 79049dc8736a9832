using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Content;

namespace CreatorOS.Modules.Assistant.Tools;

internal sealed class GenerateBlogPostsTool(IStorefront storefront, IBlogWriter writer, Safety.IContentModerator moderator) : IAveryTool
{
    public string Name => ToolNames.GenerateBlogPosts;

    public string Description => "Write and publish blog posts on the coach's store: 3 starter posts about their niche, or posts on a topic the coach asked for.";

    public string ParametersSchema => """
        {"type":"object","properties":{
          "count":{"type":"integer","minimum":1,"maximum":3,"default":3},
          "custom_topic":{"type":"string","maxLength":200,"description":"A topic the coach asked for, e.g. 'meal prep'"}
        },"additionalProperties":false}
        """;

    public async Task<ToolOutcome> RunAsync(ToolArguments arguments, ToolScope scope, CancellationToken cancellationToken)
    {
        var count = arguments.OptionalInt("count", 1, 3, fallback: 3);
        var topic = arguments.OptionalString("custom_topic", 200);
        var store = await storefront.FindAsync(scope.WorkspaceId, cancellationToken);
        if (store is null)
        {
            return ToolOutcome.Refused("Your store isn't open yet.");
        }

        if (store.Profile.Niche is null && topic is null)
        {
            return ToolOutcome.Refused("I need to know your niche first, or a topic to write about.");
        }

        var brief = new BlogBrief(store.Profile.PreferredName, store.Profile.Niche ?? "lifestyle", store.Profile.Specialty, store.Profile.Tone, [.. store.Blogs.Select(b => b.Title)]);
        var drafts = await writer.WriteAsync(brief, count, topic, cancellationToken);
        var published = new List<BlogView>();
        foreach (var draft in drafts)
        {
            // Generated text is checked like anything a coach could publish; flagged text is never published.
            if ((await moderator.CheckAsync(draft.Title + "\n" + draft.BodyMarkdown, cancellationToken)).Flagged)
            {
                continue;
            }

            var added = await storefront.AddBlogAsync(scope.WorkspaceId, draft with { Publish = true }, cancellationToken);
            if (!added.Succeeded)
            {
                return published.Count == 0
                    ? ToolOutcome.Refused(added.Problem())
                    : ToolOutcome.WithChanges(ToolResult.Done($"Published {published.Count} of {drafts.Count} posts.", new BlogsWrittenData(published)), StoreSection.Blogs);
            }

            published.Add(added.Value!);
        }

        return published.Count == 0
            ? ToolOutcome.Refused("I couldn't write a post I'd be happy to publish on that topic.")
            : ToolOutcome.WithChanges(ToolResult.Done($"Published {published.Count} posts.", new BlogsWrittenData(published)), StoreSection.Blogs);
    }
}
