using CreatorOS.Contracts.Experiments;
using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Experiments.Onboarding;

/// <summary>One step of an onboarding checklist, read from the store's real state.</summary>
internal sealed record ChecklistItem(string Title, string Detail, bool Done, string Link);

/// <summary>
/// What "onboarding completed" means on each path the onboarding_v1 variants offer, so the
/// completion rate counts every variant's completion and not only Avery's: Avery's conversation
/// reaching Complete (its own event), the coach dashboard's set-up checklist all done (shown to every
/// variant, and all that control gets: "niche question → dashboard"), and for scorecard also its five
/// launch items (spec Phase 1/4: photo, socials, 3 blogs, shared, a live session).
/// </summary>
internal static class OnboardingChecklists
{
    public static IReadOnlyList<ChecklistItem> Scorecard(StoreView store, bool socialsConnected)
    {
        var published = LaunchItems.PublishedBlogs(store);
        return
        [
            new("Add a profile photo", LaunchItems.HasPhoto(store) ? "Done" : "People buy from people", LaunchItems.HasPhoto(store), "/admin/store"),
            new("Connect your socials", socialsConnected ? "Connected" : "Instagram, TikTok or YouTube: your best posts become blogs", socialsConnected, "/admin/store"),
            new("Publish 3 blogs", $"{Math.Min(published, LaunchItems.BlogsNeeded)} of {LaunchItems.BlogsNeeded} published", LaunchItems.HasBlogs(store), "/admin/store/blogs"),
            new("Share your store", store.IsShared ? "Shared" : "Send your link to your audience", store.IsShared, "/admin/store"),
            new("Schedule a live session", store.LiveSessions.Count == 0 ? "Your first live builds trust" : $"{store.LiveSessions.Count} scheduled", LaunchItems.HasLiveSession(store), "/admin/store/sessions"),
        ];
    }

    /// <summary>The coach dashboard's "set up" checklist (Web's Dashboard page shows the same six steps).</summary>
    public static bool DashboardDone(StoreView store) =>
        store.Profile.PreferredName is not null && store.Profile.Niche is not null
        && LaunchItems.HasPhoto(store)
        && store.Price is not null
        && LaunchItems.HasBlogs(store)
        && LaunchItems.HasLiveSession(store)
        && store.IsShared;

    /// <summary>Whether a coach of <paramref name="variant"/> has finished a checklist their variant shows.</summary>
    public static bool Completed(string variant, StoreView store, bool socialsConnected) =>
        DashboardDone(store) || (variant == OnboardingExperiment.Scorecard && Scorecard(store, socialsConnected).All(i => i.Done));
}
