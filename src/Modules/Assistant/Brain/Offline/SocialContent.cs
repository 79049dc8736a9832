using System.Globalization;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Tools;

namespace CreatorOS.Modules.Assistant.Brain.Offline;

/// <summary>
/// The content_import phase when an account is connected (spec Ticket 3.4): offer to draft blogs
/// from the top posts, show the drafts with one-tap publish, and fall back to niche blogs when the
/// platform cannot be read this turn.
/// </summary>
internal static class SocialContent
{
    /// <summary>The social variant of the phase question, or null to ask the niche one.</summary>
    public static Reply? Ask(Situation s)
    {
        if (!s.Context.Scorecard.Socials)
        {
            return null;
        }

        var waiting = WaitingDrafts(s.Store);
        if (waiting.Count > 0)
        {
            return Reply.Say(
                s.Say("social.drafts_waiting", ("titles", Formats.Titles([.. waiting.Select(b => b.Title)]))),
                "ask_publish_drafts",
                [PublishButton(waiting), ButtonActions.Secondary("Write niche blogs instead", ButtonActions.WriteBlogs), ButtonActions.SkipButton("Skip")]);
        }

        // Drafting was just tried and the platform could not be read: the niche question follows the apology.
        if (s.Attempted(ToolNames.DraftBlogsFromSocial))
        {
            return null;
        }

        return Reply.Say(
            s.Say("social.ask_drafts", ("count", Missing(s).ToString(CultureInfo.InvariantCulture))),
            "ask_social_drafts",
            [ButtonActions.Primary("Turn my posts into blogs", ButtonActions.DraftSocialBlogs), ButtonActions.Secondary("Write niche blogs instead", ButtonActions.WriteBlogs), ButtonActions.SkipButton("Skip")]);
    }

    public static Reply Draft(Situation s) =>
        Reply.Call("draft_social_blogs", ToolCall.Of(ToolNames.DraftBlogsFromSocial, ("count", Missing(s))));

    public static void Drafted(Situation s, IReadOnlyList<BlogView> drafts, List<string?> parts, Action<AveryPreview> showPreview)
    {
        var titles = Formats.Titles([.. drafts.Select(d => d.Title)]);
        parts.Add(drafts.Count == 1
            ? s.Say("social.drafted_one", ("titles", titles))
            : s.Say("social.drafted_many", ("count", drafts.Count.ToString(CultureInfo.InvariantCulture)), ("titles", titles)));
        showPreview(new AveryPreview(
            "blog",
            string.Join('\n', drafts.Select(d => "• " + d.Title + (d.SourcePlatform is { } platform ? " (from " + Formats.PlatformName(platform) + ")" : string.Empty))),
            drafts.Count == 1 ? drafts[0].Title : drafts.Count + " drafts from your posts",
            drafts.Select(d => d.CoverImageUrl).FirstOrDefault(u => u is not null),
            [PublishButton(drafts)]));
    }

    public static string Published(Situation s, IReadOnlyList<BlogView> blogs) =>
        s.Say("social.published", ("titles", Formats.Titles([.. blogs.Select(b => b.Title)])), ("verb", blogs.Count == 1 ? "is" : "are"));

    public static AveryButton PublishButton(IReadOnlyList<BlogView> drafts) =>
        ButtonActions.Primary(drafts.Count == 1 ? "Publish it" : "Publish all", ButtonActions.PublishBlogs, string.Join(',', drafts.Select(d => d.Id.ToString("D"))));

    private static List<BlogView> WaitingDrafts(StoreView store) =>
        [.. store.Blogs.Where(b => b.Status != "published" && b.SourcePlatform is not null).Take(Scorecard.BlogsNeeded)];

    private static int Missing(Situation s) => Math.Clamp(Scorecard.BlogsNeeded - s.PublishedBlogs, 1, Scorecard.BlogsNeeded);
}
