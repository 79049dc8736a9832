namespace CreatorOS.Contracts.Storefront;

/// <summary>
/// The store-side rules of the five launch items (spec Phase 1/4: photo, socials, 3 blogs, shared,
/// a live session), in one place so Avery's scorecard and the scorecard variant's widget can never
/// disagree on what "done" means. Socials are not store state: callers ask Social for them.
/// </summary>
public static class LaunchItems
{
    public const int BlogsNeeded = 3;

    public static bool HasPhoto(StoreView store) => !string.IsNullOrEmpty(store.Profile.PhotoUrl);

    public static int PublishedBlogs(StoreView store) => store.Blogs.Count(b => b.Status == "published");

    public static bool HasBlogs(StoreView store) => PublishedBlogs(store) >= BlogsNeeded;

    public static bool HasLiveSession(StoreView store) => store.LiveSessions.Count > 0;
}
