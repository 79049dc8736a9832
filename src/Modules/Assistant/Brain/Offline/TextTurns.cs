using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Language;
using CreatorOS.Modules.Assistant.Tools;

namespace CreatorOS.Modules.Assistant.Brain.Offline;

/// <summary>Free text: what the coach asked for anywhere, then what a plain answer means in the current phase.</summary>
internal static class TextTurns
{
    public static Reply Handle(Situation s, BrainInput input)
    {
        var u = input.Understand(s);
        var awaiting = s.Fact(FactKeys.Awaiting);
        var pendingDelete = s.Fact(FactKeys.PendingDeleteBlogId);
        var forget = new Dictionary<string, string?> { [FactKeys.Awaiting] = null };

        if (pendingDelete is not null)
        {
            if (u.Kind == IntentKind.Yes || (u.Kind == IntentKind.DeleteBlog && u.Topic is null))
            {
                return Buttons.ConfirmDelete(s, pendingDelete).Remembering(forget);
            }

            forget[FactKeys.PendingDeleteBlogId] = null;
            if (u.Kind == IntentKind.No)
            {
                return Buttons.Continue(s, input, "keep_blog").WithLead(s.Say("delete.kept")).Remembering(forget);
            }
        }

        if (awaiting == "blog_topic" && u.Kind is IntentKind.Other or IntentKind.WriteBlog && (u.Topic ?? u.Text) is { Length: > 0 } topic)
        {
            return WriteBlog(topic.Length > 120 ? topic[..120] : topic).Remembering(forget);
        }

        var reply = Intent(s, input, u);
        return reply.Remembering(forget).Remembering(reply.Remember);
    }

    private static Reply Intent(Situation s, BrainInput input, Understanding u) => u.Kind switch
    {
        IntentKind.Empty => PhaseQuestions.Ask(s) with { Intent = "empty" },
        IntentKind.Greeting => Buttons.Continue(s, input, "greeting"),
        IntentKind.Thanks => Buttons.Continue(s, input, "thanks"),
        IntentKind.FeatureQuestion => FeatureAnswer(s, input, u),
        IntentKind.NextAdvice => Buttons.Continue(s, input, "next_advice"),
        IntentKind.Confused => Guidance.Simplify(s),
        IntentKind.Competitor => Reply.Call("competitor", ToolCall.Of(ToolNames.GetNicheBenchmarks, ("niche", s.Profile.Niche))),
        IntentKind.WriteBlog when u.Topic is not null => WriteBlog(u.Topic),
        IntentKind.WriteBlog when s.Phase == OnboardingPhase.ContentImport => Buttons.WriteStarterBlogs(s),
        IntentKind.WriteBlog => Reply.Say(s.Say("blog.ask_topic"), "write_blog").Remembering(FactKeys.Awaiting, "blog_topic"),
        IntentKind.RegenerateBlogs => Reply.Call("regenerate_blogs", ToolCall.Of(ToolNames.GenerateBlogPosts, ("count", Scorecard.BlogsNeeded))),
        IntentKind.DeleteBlog => DeleteRequest(s, u.Topic),
        IntentKind.Analytics => Reply.Call("analytics", ToolCall.Of(ToolNames.GetStoreAnalytics)),
        IntentKind.Template when u.Variant is { Length: > 0 } variant => Reply.Call("change_template", ToolCall.Of(ToolNames.ApplyStoreTemplate, ("variant", variant))),
        IntentKind.Template => OfferTemplates(s),
        IntentKind.Tone => PhaseQuestions.WriteBio(s, u.Tone),
        IntentKind.Price => SetPrice(s, u.Price!),
        IntentKind.ScheduleLive => Buttons.ScheduleLive(s, u.When ?? WhenParser.DefaultSlot(s.Context.Now)),
        IntentKind.Payments => Reply.Call("setup_payments", ToolCall.Of(ToolNames.SetupStripe)),
        IntentKind.ShareContent => Reply.Call("write_share_post", ToolCall.Of(ToolNames.GenerateShareContent, ("platform", u.Platform))),
        IntentKind.Shared => Reply.Call("shared", ToolCall.Of(ToolNames.UpdateScorecard, ("item", "shared"), ("done", true))),
        IntentKind.NameChange => Reply.Call("set_name", ToolCall.Of(ToolNames.UpdateCoachProfile, ("preferred_name", u.Name))),
        IntentKind.ConnectSocial when s.Phase != OnboardingPhase.Discovery || !string.IsNullOrEmpty(s.Profile.Niche) =>
            Reply.Call("connect_social", ToolCall.Of(ToolNames.ConnectSocialAccount, ("platform", u.Platform))),
        IntentKind.AllSet when s.Phase == OnboardingPhase.NextSteps => Reply.Call("finish", ToolCall.Of(ToolNames.SkipStep)),
        IntentKind.AllSet when s.Phase == OnboardingPhase.Complete => Reply.Say(s.Say("complete.all_set"), "finish"),
        IntentKind.AllSet or IntentKind.Skip => Buttons.Skip(s, input),
        _ => PhaseAnswer(s, input, u),
    };

    private static Reply FeatureAnswer(Situation s, BrainInput input, Understanding u)
    {
        var reply = Buttons.Continue(s, input, "feature_question");
        return u.Feature == "pricing" && s.Phase != OnboardingPhase.Pricing ? reply.Remembering(FactKeys.Awaiting, "price") : reply;
    }

    public static Reply WriteBlog(string topic) =>
        Reply.Call("write_blog", ToolCall.Of(ToolNames.GenerateBlogPosts, ("count", 1), ("custom_topic", topic)));

    private static Reply SetPrice(Situation s, PriceMention price) =>
        Reply.Call("set_price", ToolCall.Of(ToolNames.SetSubscriptionPrice, ("amount", price.Amount), ("currency", price.Currency ?? s.Store.Price?.Currency ?? "GBP")));

    /// <summary>Scenario 14: "something different" → the three looks of the coach's niche.</summary>
    public static Reply OfferTemplates(Situation s)
    {
        var niche = s.Profile.Niche ?? "lifestyle";
        var family = Formats.TemplateFamilies.GetValueOrDefault(niche) ?? Formats.TemplateFamilies["lifestyle"];
        var buttons = family.Select(id => id == s.Store.Theme.TemplateId
            ? ButtonActions.Secondary(Formats.VariantLabel(id) + " (current)", ButtonActions.TemplateOk)
            : ButtonActions.Secondary(Formats.VariantLabel(id), ButtonActions.ApplyTemplate, id)).ToList();
        return Reply.Say(s.Say("template.offer", ("niche", niche)), "offer_templates", buttons);
    }

    /// <summary>Scenario 19: find the blog (by title words, else the most recent) and ask before deleting.</summary>
    public static Reply DeleteRequest(Situation s, string? hint)
    {
        var blog = FindBlog(s.Store.Blogs, hint);
        if (blog is null)
        {
            return Reply.Say(Reply.Join(s.Say("delete.none"), PhaseQuestions.Ask(s with { CanCallTools = false }).Text), "delete_blog");
        }

        return Reply.Say(
                s.Say("delete.confirm", ("title", blog.Title)),
                "delete_blog",
                [new AveryButton("Yes, delete it", ButtonActions.ConfirmDelete, blog.Id.ToString(), "primary"), ButtonActions.Secondary("Keep it", ButtonActions.KeepBlog)])
            .Remembering(FactKeys.PendingDeleteBlogId, blog.Id.ToString());
    }

    public static BlogView? FindBlog(IReadOnlyList<BlogView> blogs, string? hint)
    {
        if (blogs.Count == 0)
        {
            return null;
        }

        var latest = blogs.OrderByDescending(b => b.CreatedAt).ThenBy(b => b.Title, StringComparer.Ordinal).First();
        var words = (hint ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2 && w is not "last" and not "latest" and not "recent" and not "most" and not "newest" and not "first")
            .ToList();
        if (words.Count == 0)
        {
            return latest;
        }

        var scored = blogs
            .Select(b => (Blog: b, Score: words.Count(w => PhraseMatch.Contains(TextNormalizer.Fold(b.Title), w))))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Blog.CreatedAt)
            .FirstOrDefault();
        return scored.Blog ?? latest;
    }

    /// <summary>A plain answer (a name, "yes", "no", a niche …): what it means depends on the phase.</summary>
    private static Reply PhaseAnswer(Situation s, BrainInput input, Understanding u) => s.Phase switch
    {
        OnboardingPhase.Discovery => Discovery(s, input, u),
        OnboardingPhase.SocialConnect => u.Kind switch
        {
            IntentKind.Yes => Reply.Say(s.Say("social.which"), "connect_social", PhaseQuestions.SocialButtons()),
            IntentKind.No => Buttons.Skip(s, input),
            _ when u.Platform is "facebook" or "linkedin" or "x" => Reply.Say(s.Say("social.unsupported"), "connect_social", PhaseQuestions.SocialButtons()),
            _ => Guidance.NotUnderstood(s),
        },
        OnboardingPhase.ContentImport => u.Kind switch
        {
            IntentKind.Yes => Buttons.WriteStarterBlogs(s),
            IntentKind.No => Buttons.Skip(s, input),
            _ => Guidance.NotUnderstood(s),
        },
        OnboardingPhase.ProfileSetup => Profile(s, input, u),
        OnboardingPhase.Pricing => u.Kind switch
        {
            IntentKind.Yes => Buttons.Continue(s, input, "price_yes"),
            IntentKind.No => Reply.Say(s.Say("pricing.ask_amount", ("example", Formats.Money(14.99m, s.Store.Price?.Currency))), "price_no", PhaseQuestions.PriceButtons(PhaseQuestions.DefaultPrices, s.Store.Price?.Currency ?? "GBP")),
            _ => Guidance.NotUnderstood(s),
        },
        OnboardingPhase.Launch => u.Kind switch
        {
            IntentKind.Yes => Reply.Say(s.Say("launch.yes"), "share_yes", PhaseQuestions.ShareButtons(null)),
            IntentKind.No => Reply.Say(s.Say("launch.no"), "share_no", [ButtonActions.SkipButton(), ButtonActions.Secondary("Write a different post", ButtonActions.WriteSharePost)]),
            _ when u.Platform is not null => Reply.Call("write_share_post", ToolCall.Of(ToolNames.GenerateShareContent, ("platform", u.Platform))),
            _ => Guidance.NotUnderstood(s),
        },
        OnboardingPhase.NextSteps => u.Kind switch
        {
            _ when u.When is not null => Buttons.ScheduleLive(s, u.When.Value),
            IntentKind.Yes => Buttons.ScheduleLive(s, WhenParser.DefaultSlot(s.Context.Now)),
            IntentKind.No => Reply.Call("finish", ToolCall.Of(ToolNames.SkipStep)),
            _ => Guidance.NotUnderstood(s),
        },
        _ => u.Kind switch
        {
            IntentKind.Yes => PhaseQuestions.Ask(s) with { Intent = "yes" },
            IntentKind.No => Reply.Say(s.Say("complete.no"), "no"),
            _ when u.When is not null => Buttons.ScheduleLive(s, u.When.Value),
            _ => Guidance.NotUnderstood(s),
        },
    };

    private static Reply Discovery(Situation s, BrainInput input, Understanding u)
    {
        if (string.IsNullOrEmpty(s.Name))
        {
            var name = u.Kind == IntentKind.Other ? NameParser.Parse(u.Text) : null;
            if (name is not null && u.Niche is { } said && string.IsNullOrEmpty(s.Profile.Niche) && !name.Contains(said.Specialty ?? said.Niche, StringComparison.OrdinalIgnoreCase))
            {
                return Reply.Call("set_name", ToolCall.Of(ToolNames.UpdateCoachProfile, ("preferred_name", name), ("niche", said.Niche), ("specialty", said.Specialty)));
            }

            if (name is not null)
            {
                return Reply.Call("set_name", ToolCall.Of(ToolNames.UpdateCoachProfile, ("preferred_name", name)));
            }

            if (u.Niche is { } early && string.IsNullOrEmpty(s.Profile.Niche))
            {
                return Reply.Call("set_niche", ToolCall.Of(ToolNames.UpdateCoachProfile, ("niche", early.Niche), ("specialty", early.Specialty)));
            }

            return Guidance.NotUnderstood(s);
        }

        if (string.IsNullOrEmpty(s.Profile.Niche))
        {
            return u.Niche is { } match
                ? Reply.Call("set_niche", ToolCall.Of(ToolNames.UpdateCoachProfile, ("niche", match.Niche), ("specialty", match.Specialty)))
                : Reply.Say(s.Say("discovery.niche_unclear"), "unknown", PhaseQuestions.NicheButtons()) with { Understood = false };
        }

        return u.Kind switch
        {
            IntentKind.No => Buttons.SkipSpecialty(s, input),
            IntentKind.Yes => Reply.Say(s.Say("discovery.specialty_example", ("example", Example(s.Profile.Niche))), "ask_specialty"),
            _ when SpecialtyParser.Parse(u.Text, u.Niche) is { } specialty => Reply.Call("set_specialty", ToolCall.Of(ToolNames.UpdateCoachProfile, ("specialty", specialty))),
            _ => Guidance.NotUnderstood(s),
        };
    }

    private static string Example(string? niche) => niche switch
    {
        "fitness" => "strength training",
        "wellness" => "yoga",
        "business" => "leadership",
        _ => "travel",
    };

    private static Reply Profile(Situation s, BrainInput input, Understanding u)
    {
        if (PhotoAddress(u.Text) is { } url)
        {
            return Reply.Call("photo_url", ToolCall.Of(ToolNames.UpdateCoachProfile, ("photo_url", url)));
        }

        if (OwnBio(u.Text) is { } bio)
        {
            return Reply.Call("set_bio", ToolCall.Of(ToolNames.UpdateCoachProfile, ("bio", bio)));
        }

        var photoAsked = s.Fact(FactKeys.Awaiting) == "photo" && !string.IsNullOrEmpty(s.Profile.Bio);
        return u.Kind switch
        {
            IntentKind.Yes when string.IsNullOrEmpty(s.Profile.Bio) => PhaseQuestions.WriteBio(s, null),
            IntentKind.Yes when photoAsked => Reply.Say(s.Say("upload.prompt"), "upload_photo", PhaseQuestions.PhotoButtons()).Remembering(FactKeys.Awaiting, "photo"),
            IntentKind.Yes => Buttons.Continue(s, input, "bio_ok").WithLead(s.Say("profile.bio_ok")),
            IntentKind.No when photoAsked || string.IsNullOrEmpty(s.Profile.Bio) => Buttons.Skip(s, input),
            IntentKind.No => Reply.Say(s.Say("profile.bio_no"), "bio_no", [.. PhaseQuestions.BioButtons(s.Profile.Tone).Skip(1)]),
            _ => Guidance.NotUnderstood(s),
        };
    }

    private static string? PhotoAddress(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"https?://\S+\.(?:jpe?g|png|webp|gif)(?:\?\S*)?", System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(200));
        return match.Success ? match.Value : null;
    }

    /// <summary>"Bio: I help …" or "use this bio: …" — the coach's own words, used as given.</summary>
    private static string? OwnBio(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^(?:(?:please )?(?:use this|use|my new|change my|set my|here'?s my|my)\s+)?bio(?: is| to)?\s*[:\-]\s*(?<bio>.{10,})$", System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(200));
        var bio = match.Success ? match.Groups["bio"].Value.Trim().Trim('"', '“', '”') : null;
        return bio is { Length: > 0 } ? bio[..Math.Min(bio.Length, 1000)] : null;
    }
}
