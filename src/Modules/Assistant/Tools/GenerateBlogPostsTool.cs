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
        var passed = new List<BlogDraft>(drafts.Count);
        foreach (var draft in drafts)
        {
            // Generated text is checked like anything a coach could publish; flagged text is never published.
            if (!(await moderator.CheckAsync(draft.Title + "\n" + draft.BodyMarkdown, cancellationToken)).Flagged)
            {
                passed.Add(draft with { Publish = true });
            }
        }

        if (passed.Count == 0)
        {
            return ToolOutcome.Refused("I couldn't write a post I'd be happy to publish on that topic.");
        }

        // One change for the whole set: every post is published, or (a refused draft) none is.
        var added = await storefront.AddBlogsAsync(scope.WorkspaceId, passed, cancellationToken);
        return added.Succeeded
            ? ToolOutcome.WithChanges(ToolResult.Done($"Published {added.Value!.Count} posts.", new BlogsWrittenData([.. added.Value])), StoreSection.Blogs)
            : ToolOutcome.Refused(added.Problem());
    }
}
