using System.Globalization;
using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Assistant.Brain.Llm;

/// <summary>
/// Spec 5.4 "What should I do next?": the priority order is decided here, in code, from the store's
/// real state; the model only phrases the top suggestions (they are in its system prompt). The same
/// order as the offline brain's advice, without the spec's unsourced statistics.
/// </summary>
internal static class NextActions
{
    public const int GrowthSubscribers = 50;
    public const int BlogsWanted = 5;

    public static IReadOnlyList<string> For(StoreView store, int max = 3)
    {
        var published = store.Blogs.Count(b => b.Status == "published");
        var suggestions = new List<string>();
        if (store.SubscriberCount > 0 && store.Price is null)
        {
            suggestions.Add($"Set a subscription price: {Count(store.SubscriberCount, "subscriber")} can't pay yet.");
        }

        if (published < BlogsWanted)
        {
            suggestions.Add($"Publish more blogs (there are {published}; aim for {BlogsWanted}).");
        }

        if (store.LiveSessions.Count == 0)
        {
            suggestions.Add("Schedule a first live session.");
        }

        if (!store.IsShared)
        {
            suggestions.Add("Share the store link with followers.");
        }

        if (store.SubscriberCount >= GrowthSubscribers)
        {
            suggestions.Add($"With {Count(store.SubscriberCount, "subscriber")}, ask about the platform's growth services.");
        }

        if (suggestions.Count == 0)
        {
            suggestions.Add("Share the store link again this week and write a new post.");
        }

        return suggestions.Take(max).ToList();
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
