namespace CreatorOS.Modules.Assistant.Tools;

/// <summary>
/// The 12 tools of spec Ticket 2.2, plus those the conversation needs: deleting a blog (after the
/// coach confirmed), skipping a step, drafting blogs from social posts and publishing drafts with
/// one tap (Ticket 3.4). Both brains use exactly these names and arguments.
/// </summary>
internal static class ToolNames
{
    public const string UpdateCoachProfile = "update_coach_profile";
    public const string ConnectSocialAccount = "connect_social_account";
    public const string GenerateBlogPosts = "generate_blog_posts";
    public const string SetSubscriptionPrice = "set_subscription_price";
    public const string ApplyStoreTemplate = "apply_store_template";
    public const string GetStoreAnalytics = "get_store_analytics";
    public const string GetNicheBenchmarks = "get_niche_benchmarks";
    public const string ScheduleLiveSession = "schedule_live_session";
    public const string GenerateShareContent = "generate_share_content";
    public const string UpdateScorecard = "update_scorecard";
    public const string SetupStripe = "setup_stripe";
    public const string GetSocialTopPosts = "get_social_top_posts";
    public const string DeleteBlogPost = "delete_blog_post";
    public const string SkipStep = "skip_step";
    public const string DraftBlogsFromSocial = "draft_blogs_from_social";
    public const string PublishBlogPosts = "publish_blog_posts";
}
