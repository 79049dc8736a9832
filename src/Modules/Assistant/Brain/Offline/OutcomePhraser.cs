using System.Globalization;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Tools;

namespace CreatorOS.Modules.Assistant.Brain.Offline;

/// <summary>
/// The round after tools ran: acknowledge what was done from the reports' data (never claim what a
/// refused tool did not do), then continue with the current phase's question.
/// </summary>
internal static class OutcomePhraser
{
    private sealed class Draft
    {
        public List<string?> Parts { get; } = [];

        public AveryPreview? Preview { get; set; }

        /// <summary>Buttons that keep the conversation on what just happened (a new look, a bio, a sign-in link).</summary>
        public IReadOnlyList<AveryButton>? Focus { get; set; }

        public Dictionary<string, string?> Remember { get; } = new(StringComparer.Ordinal);
    }

    public static Reply Phrase(Situation s, BrainInput input)
    {
        var draft = new Draft();
        draft.Parts.Add(Guidance.Lead(s, input));
        foreach (var report in s.Reports)
        {
            if (report.Ok)
            {
                Acknowledge(s, report, draft);
            }
            else
            {
                Refusal(s, report, draft);
            }
        }

        var intent = s.Reports.Count > 0 ? s.Reports[^1].Name : "tool_result";
        if (draft.Focus is { } focus && s.Context.PreviousPhase is null)
        {
            return new Reply { Text = Reply.Join([.. draft.Parts]), Buttons = focus, Preview = draft.Preview, Intent = intent, Remember = draft.Remember };
        }

        var ask = PhaseQuestions.Ask(s);
        if (ask.Calls.Count > 0)
        {
            return ask.Remembering(draft.Remember);
        }

        draft.Parts.Add(ask.Text);
        var preview = ask.Preview ?? (draft.Preview is { } p && draft.Focus is { } actions ? p with { Actions = actions } : draft.Preview);
        return new Reply { Text = Reply.Join([.. draft.Parts]), Buttons = ask.Buttons, Preview = preview, Intent = intent }
            .Remembering(draft.Remember)
            .Remembering(ask.Remember);
    }

    private static void Acknowledge(Situation s, ToolReport report, Draft draft)
    {
        switch (report.Name)
        {
            case ToolNames.UpdateCoachProfile:
                Profile(s, report, draft);
                break;
            case ToolNames.ConnectSocialAccount:
                Social(s, report.Data<SocialConnectData>(), report.Arg("platform"), draft);
                break;
            case ToolNames.GenerateBlogPosts:
                var blogs = report.Data<BlogsWrittenData>()?.Blogs ?? [];
                if (blogs.Count > 0)
                {
                    var titles = blogs.Select(b => b.Title).ToList();
                    draft.Parts.Add(blogs.Count == 1
                        ? s.Say("content.written_one", ("title", titles[0]))
                        : s.Say("content.written_many", ("count", blogs.Count.ToString(CultureInfo.InvariantCulture)), ("titles", Formats.Titles(titles))));
                    draft.Preview = new AveryPreview("blog", string.Join('\n', titles.Select(t => "• " + t)), blogs.Count == 1 ? titles[0] : blogs.Count + " new blogs",
                        blogs[0].CoverImageUrl, [ButtonActions.Secondary("Write different ones", ButtonActions.RegenerateBlogs)]);
                }

                break;
            case ToolNames.SetSubscriptionPrice:
                var price = report.Data<PriceSetData>()?.Price;
                draft.Parts.Add(s.Say("pricing.done", ("price", price?.Display ?? s.Store.Price?.Display ?? Formats.Money(decimal.Parse(report.Arg("amount") ?? "0", CultureInfo.InvariantCulture), report.Arg("currency")) + "/month")));
                break;
            case ToolNames.ApplyStoreTemplate:
                var applied = report.Data<TemplateAppliedData>();
                draft.Parts.Add(s.Say("template.ack", ("template", applied?.TemplateName ?? s.Store.Theme.TemplateName)));
                draft.Focus = TemplateButtons(applied?.TemplateId ?? s.Store.Theme.TemplateId, applied?.Variants ?? []);
                break;
            case ToolNames.GetStoreAnalytics when report.Data<StoreAnalyticsData>() is { } stats:
                Analytics(s, stats, draft);
                break;
            case ToolNames.GetNicheBenchmarks when s.Phase != OnboardingPhase.Pricing && report.Data<NicheBenchmarkData>() is { } benchmarks:
                draft.Parts.Add(PhaseQuestions.BenchmarkSentence(s, benchmarks, asQuestion: false));
                if (s.Phase == OnboardingPhase.Complete)
                {
                    draft.Parts.Add(s.Say("pricing.change_hint"));
                    draft.Remember[FactKeys.Awaiting] = "price";
                }

                break;
            case ToolNames.ScheduleLiveSession:
                var session = report.Data<LiveSessionView>();
                var startsAt = session?.StartsAt ?? (DateTimeOffset.TryParse(report.Arg("starts_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : s.Context.Now);
                draft.Parts.Add(s.Say("next.live_booked", ("title", session?.Title ?? report.Arg("title")), ("when", Formats.When(startsAt))));
                break;
            case ToolNames.GenerateShareContent when s.Phase != OnboardingPhase.Launch && report.Data<ShareContentData>() is { } share:
                draft.Parts.Add(s.Say("share.ready", ("platform", Formats.PlatformName(share.Platform))));
                draft.Preview = new AveryPreview("share_post", share.Text, "Post for " + Formats.PlatformName(share.Platform));
                draft.Focus = s.Phase == OnboardingPhase.Complete ? [ButtonActions.Primary("Copy text", ButtonActions.CopyText, share.Text)] : null;
                break;
            case ToolNames.UpdateScorecard:
                draft.Parts.Add(s.Say("launch.shared"));
                break;
            case ToolNames.SetupStripe when report.Data<StripeSetupData>() is { } stripe:
                draft.Parts.Add(s.Say(stripe.Status == "not_available" ? "payments.not_available" : "payments.next", ("next", stripe.NextStep)));
                break;
            case ToolNames.GetSocialTopPosts when report.Data<SocialPostsData>() is { } posts:
                draft.Parts.Add(posts.Connected && posts.Posts.Count > 0
                    ? s.Say("social.top_posts", ("posts", Formats.Titles([.. posts.Posts.Take(3).Select(p => p.Caption.Length > 60 ? p.Caption[..60].TrimEnd() + "…" : p.Caption)])))
                    : s.Say("social.no_posts"));
                break;
            case ToolNames.DraftBlogsFromSocial when report.Data<SocialDraftsData>() is { Drafts.Count: > 0 } drafted:
                SocialContent.Drafted(s, drafted.Drafts, draft.Parts, preview => draft.Preview = preview);
                break;
            case ToolNames.PublishBlogPosts when report.Data<BlogsPublishedData>() is { Blogs.Count: > 0 } published:
                draft.Parts.Add(SocialContent.Published(s, published.Blogs));
                break;
            case ToolNames.DeleteBlogPost:
                draft.Parts.Add(s.Say("delete.done", ("title", report.Data<BlogDeletedData>()?.Title ?? "that blog")));
                break;
            case ToolNames.SkipStep when s.Phase != OnboardingPhase.Complete:
                draft.Parts.Add(s.Say("skip.done"));
                break;
            default:
                break;
        }
    }

    private static void Profile(Situation s, ToolReport report, Draft draft)
    {
        if (report.Has("bio"))
        {
            var bio = s.Profile.Bio is { Length: > 0 } saved ? saved : report.Arg("bio")!;
            var tone = report.Arg("tone");
            draft.Parts.Add(tone is not null ? s.Say("profile.bio_toned", ("tone", tone)) : s.Say(s.Phase == OnboardingPhase.ProfileSetup ? "profile.bio_intro" : "profile.bio_set"));
            draft.Preview = new AveryPreview("bio", bio, "Your bio");
            draft.Focus = PhaseQuestions.BioButtons(tone ?? s.Profile.Tone);
            draft.Remember[FactKeys.Awaiting] = "bio_review";
        }
        else if (report.Has("photo_url"))
        {
            draft.Parts.Add(s.Say("profile.photo_done"));
        }
        else if (report.Has("niche"))
        {
            var niche = report.Arg("niche")!;
            var template = s.Store.Theme.TemplateName;
            draft.Parts.Add(report.Arg("specialty") is { } specialty
                ? s.Say("discovery.niche_and_specialty_set", ("niche", niche), ("specialty", specialty), ("template", template))
                : s.Say("discovery.niche_set", ("niche", niche), ("template", template)));
        }
        else if (report.Arg("specialty") is { } specialty)
        {
            draft.Parts.Add(s.Say("discovery.specialty_set", ("specialty", specialty)));
        }
        else if (report.Arg("preferred_name") is { } name && s.Phase != OnboardingPhase.Discovery)
        {
            draft.Parts.Add(s.Say("name.changed", ("name", name)));
        }
    }

    private static void Social(Situation s, SocialConnectData? data, string? platformArg, Draft draft)
    {
        var platform = Formats.PlatformName(data?.Platform ?? platformArg);
        if (data is { Status: "connected" })
        {
            draft.Parts.Add(s.Say("social.already_connected", ("platform", platform)));
            return;
        }

        if (data is { Status: "authorize", AuthorizeUrl: { Length: > 0 } url })
        {
            draft.Parts.Add(s.Say("social.authorize", ("platform", platform)));
            draft.Focus = [ButtonActions.Primary("Connect " + platform, ButtonActions.OpenUrl, url), ButtonActions.SkipButton()];
            return;
        }

        draft.Parts.Add(s.Say("social.not_available", ("platform", platform)));
        draft.Focus = s.Phase == OnboardingPhase.SocialConnect
            ? [ButtonActions.Primary("Write niche blogs instead", ButtonActions.Skip, ButtonActions.SkipAndWriteBlogs), ButtonActions.SkipButton()]
            : null;
    }

    private static void Analytics(Situation s, StoreAnalyticsData stats, Draft draft)
    {
        var blogs = Formats.Count(stats.PublishedBlogs, "published blog") + (stats.DraftBlogs > 0 ? " (+" + Formats.Count(stats.DraftBlogs, "draft") + ")" : string.Empty);
        var revenue = Formats.Money(stats.MonthlyRevenue, stats.Currency ?? s.Store.Price?.Currency);
        var live = Formats.Count(stats.UpcomingLiveSessions, "upcoming live session");
        var summary = s.Say(
            "analytics.summary",
            ("subscribers", Formats.Count(stats.Subscribers, "subscriber")),
            ("blogs", blogs),
            ("revenue", revenue),
            ("live", live),
            ("done", stats.ScorecardDone.ToString(CultureInfo.InvariantCulture)));
        draft.Parts.Add(summary);
        draft.Parts.Add(Guidance.NextAdvice(s));
        draft.Preview = new AveryPreview(
            "analytics",
            string.Join('\n', [$"Subscribers: {stats.Subscribers}", $"Published blogs: {stats.PublishedBlogs}", $"Revenue: {revenue}/month", $"Upcoming live sessions: {stats.UpcomingLiveSessions}", $"Launch checklist: {stats.ScorecardDone}/5"]),
            "How you're doing");
    }

    private static void Refusal(Situation s, ToolReport report, Draft draft)
    {
        var key = PhraseCatalogue.Templates.ContainsKey("refused." + report.Name) ? "refused." + report.Name : "refused.generic";
        draft.Parts.Add(s.Say(key, ("problem", Formats.Continuation(report.Result.Problem ?? report.Result.Summary))));
        if (report.Name == ToolNames.ApplyStoreTemplate && report.Data<TemplateAppliedData>() is { } current)
        {
            draft.Focus = TemplateButtons(current.TemplateId, current.Variants);
        }
    }

    private static IReadOnlyList<AveryButton> TemplateButtons(string currentId, IReadOnlyList<string> variants)
    {
        var current = currentId[(currentId.IndexOf('_', StringComparison.Ordinal) + 1)..];
        return
        [
            ButtonActions.Primary("Love it ✅", ButtonActions.TemplateOk),
            .. variants.Where(v => v != current && v != currentId).Take(2).Select(v => ButtonActions.Secondary("Try " + Formats.VariantLabel(v).ToLowerInvariant(), ButtonActions.ApplyTemplate, v)),
        ];
    }
}
