using CreatorOS.Contracts.Engagement;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>
/// The nudges of spec 5.2 (first week) and 5.3 (event triggers), with the spec's copy and buttons.
/// Placeholders are filled from the store's figures when the nudge is sent.
/// </summary>
internal static class NudgeCatalogue
{
    public const string ScheduleLive = "start_live_scheduling";
    public const string SetUpStripe = "setup_stripe";
    public const string ReviewBlogs = "review_blogs";
    public const string PlanWeek = "plan_week";
    public const string Dismiss = "dismiss_nudge";
    public const string RemindTomorrow = "remind_tomorrow";
    public const string SnoozeThreeDays = "snooze_nudge";

    /// <summary>Avery's own action for drafting blogs from the coach's best posts not used before (its offline brain and tools know it).</summary>
    public const string DraftFromSocialPosts = "draft_social_blogs";

    public static readonly NudgeKind Day2 = new("day2_morning",
        "Your store had {visitors} visitors yesterday. {blog_views} read your blogs. Coaches who go live in Week 1 get subs 3x faster.",
        [new("Schedule live", ScheduleLive, "primary"), new("Not yet", Dismiss, "skip")],
        "Coaches who go live in Week 1 get subs 3x faster. Want to schedule your first live session?");

    public static readonly NudgeKind Day3 = new("day3_stripe",
        "Your store is getting traffic — {visitors} total. Haven't connected Stripe yet. Want me to walk you through it?",
        [new("Set up Stripe", SetUpStripe, "primary"), new("Remind tomorrow", RemindTomorrow, "skip")],
        "Haven't connected Stripe yet. Want me to walk you through it?");

    public static readonly NudgeKind Day5 = new("day5_blogs",
        "{draft_count} new blog drafts ready from your latest posts: {draft_titles}",
        [new("Review & publish", ReviewBlogs, "primary"), new("Skip", Dismiss, "skip")],
        NeedsDrafts: true);

    public static readonly NudgeKind Day7 = new("day7_recap",
        "Week 1 recap: {visitors} visitors, {blogs} posts, {subscribers} subs. You're top {percentile}% of new coaches!",
        [new("Plan this week", PlanWeek, "primary"), new("I'm good", Dismiss, "skip")],
        "Week 1 recap: {blogs} posts, {subscribers} subs. Nice work, {name} — let's plan week 2!");

    public static readonly NudgeKind NoLogin3Days = new("no_login_3_days",
        "Hey {name}! Haven't seen you in a few days. Your store had {visitors} visitors while you were away.",
        [new("Schedule a session", ScheduleLive, "primary"), new("Snooze 3 days", SnoozeThreeDays, "skip")],
        "Hey {name}! Haven't seen you in a few days. Want to plan your next step together?");

    public static readonly NudgeKind ChurnRisk = new("churn_risk",
        "{name}, your subscribers are asking when your next session is. Want me to help you schedule one?",
        [new("Schedule a session", ScheduleLive, "primary"), new("Snooze 3 days", SnoozeThreeDays, "skip")]);

    public static readonly NudgeKind FirstSubscriber = new("first_subscriber",
        "🎉🎉🎉 {name}, you just got your FIRST SUBSCRIBER! {subscriber_name} just signed up. This is HUGE!", [], Category: NotificationCategories.Milestones);

    public static readonly NudgeKind SubscriberMilestone = new("subscriber_milestone",
        "🎉 You just hit {milestone} subscribers! That's {monthly_revenue}/month.", [], Category: NotificationCategories.Milestones);

    // The spec says "in total revenue"; without payments the figure is monthly subscriptions, and the copy says so.
    public static readonly NudgeKind RevenueMilestone = new("revenue_milestone",
        "💰 You just crossed {milestone_amount}/month in subscription revenue!", [], Category: NotificationCategories.Milestones);

    // The spec's copy; the middle sentence says which post and how far above usual, filled in when the job picks it.
    public static readonly NudgeKind SocialPostPerforming = new("social_post_performing",
        "Your latest {platform} post is doing great! “{post_caption}” has {engagement_ratio}× your usual engagement. Want me to turn it into a blog?",
        [new("Turn it into a blog", DraftFromSocialPosts, "primary"), new("Not now", Dismiss, "skip")]);

    /// <summary>Days after onboarding completion (spec: Day 2, 3, 5, 7; completion day is Day 1).</summary>
    public static readonly IReadOnlyList<(NudgeKind Kind, int Day)> FirstWeek = [(Day2, 2), (Day3, 3), (Day5, 5), (Day7, 7)];

    public static readonly IReadOnlyDictionary<string, NudgeKind> ByType =
        new[] { Day2, Day3, Day5, Day7, NoLogin3Days, ChurnRisk, FirstSubscriber, SubscriberMilestone, RevenueMilestone, SocialPostPerforming }.ToDictionary(k => k.Type);

    /// <summary>Hour (in the coach's time zone) first-week nudges are sent at: spec's "day2_morning".</summary>
    public const int MorningHour = 9;
}
