using CreatorOS.Contracts.Social;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Social.Data;
using CreatorOS.Modules.Social.Posts;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Social.Drafts;

/// <summary>
/// Turns posts into blog drafts (never published: the coach publishes with one tap in the chat).
/// Posts are written in parallel, one draft per post, with the post's media as cover and its
/// platform and id recorded. A post is never drafted twice: the Storefront's blogs (source of
/// truth) and <see cref="ImportedPost"/> both say which posts are used.
/// </summary>
internal sealed class PostDrafter(SocialDbContext db, IStorefront storefront, ISocialPostWriter writer, TimeProvider clock)
{
    public async Task<HashSet<string>> UsedPostKeysAsync(Guid workspaceId, StoreView? store, CancellationToken cancellationToken)
    {
        var used = await db.ImportedPosts.AsNoTracking().Where(p => p.WorkspaceId == workspaceId).Select(p => p.Platform + ":" + p.PostId).ToListAsync(cancellationToken);
        var keys = new HashSet<string>(used, StringComparer.Ordinal);
        foreach (var blog in store?.Blogs ?? [])
        {
            if (blog.SourcePlatform is { } platform && blog.SourcePostId is { } postId)
            {
                keys.Add(platform + ":" + postId);
            }
        }

        return keys;
    }

    public static string KeyOf(SocialPostView post) => post.Platform + ":" + post.PostId;

    public async Task<IReadOnlyList<BlogView>> DraftAsync(Guid workspaceId, StoreView store, IReadOnlyList<SocialPostView> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var brief = new SocialWriterBrief(store.Profile.PreferredName, store.Profile.Niche, store.Profile.Specialty, store.Profile.Tone);
        var written = await Task.WhenAll(posts.Select(post => writer.WriteAsync(brief, post, cancellationToken)));

        var drafts = new List<BlogView>();
        for (var i = 0; i < posts.Count; i++)
        {
            if (written[i] is not { } draft)
            {
                continue;
            }

            var post = posts[i];
            var cover = post.MediaUrl is { Length: <= 1000 } media && Uri.TryCreate(media, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? media : null;
            var added = await storefront.AddBlogAsync(workspaceId, draft with { CoverImageUrl = cover, SourcePlatform = post.Platform, SourcePostId = post.PostId, Publish = false }, cancellationToken);
            if (!added.Succeeded)
            {
                continue;
            }

            db.ImportedPosts.Add(new ImportedPost
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                Platform = post.Platform,
                PostId = post.PostId,
                BlogId = added.Value!.Id,
                ImportedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            drafts.Add(added.Value);
        }

        return drafts;
    }
}
