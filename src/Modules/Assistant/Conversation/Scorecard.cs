namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>The five launch items (spec Phase 1/4), always derived from the store's real state.</summary>
internal sealed record Scorecard(bool Photo, bool Socials, bool Blogs, bool Shared, bool Live)
{
    public const int BlogsNeeded = CreatorOS.Contracts.Storefront.LaunchItems.BlogsNeeded;

    public int DoneCount => (Photo ? 1 : 0) + (Socials ? 1 : 0) + (Blogs ? 1 : 0) + (Shared ? 1 : 0) + (Live ? 1 : 0);

    public bool AllDone => DoneCount == 5;
}
