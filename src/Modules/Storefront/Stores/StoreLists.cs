using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Storefront.Stores;

/// <summary>
/// The lists a store view carries beside the store row, in the view's order: posts newest first by
/// publish (else creation) time, upcoming sessions soonest first. Each change returns null where it
/// cannot be sure to match a fresh read (a view lists at most <see cref="Limit"/> rows per kind).
/// </summary>
internal sealed record StoreLists(IReadOnlyList<BlogView> Blogs, IReadOnlyList<LiveSessionView> Sessions, int Subscribers)
{
    /// <summary>Rows a store view loads per kind; see <see cref="Storekeeper"/>.</summary>
    public const int Limit = 500;

    /// <summary>A view's lists as of <paramref name="now"/>: sessions that started since it was read are gone.</summary>
    public static StoreLists Of(StoreView view, DateTimeOffset now) =>
        new(view.Blogs, view.LiveSessions.All(s => s.StartsAt > now) ? view.LiveSessions : [.. view.LiveSessions.Where(s => s.StartsAt > now)], view.SubscriberCount);

    public StoreLists? WithBlog(BlogView blog) =>
        Blogs.Count >= Limit ? null : this with { Blogs = InOrder(Blogs.Where(b => b.Id != blog.Id).Append(blog)) };

    public StoreLists WithoutBlog(Guid blogId) => this with { Blogs = [.. Blogs.Where(b => b.Id != blogId)] };

    public StoreLists WithSession(LiveSessionView session) => this with { Sessions = [.. Sessions.Append(session).OrderBy(s => s.StartsAt)] };

    public StoreLists WithSubscribers(int count) => this with { Subscribers = count };

    public static IReadOnlyList<BlogView> InOrder(IEnumerable<BlogView> blogs) =>
        [.. blogs.OrderByDescending(b => b.PublishedAt ?? b.CreatedAt).ThenByDescending(b => b.CreatedAt)];
}
