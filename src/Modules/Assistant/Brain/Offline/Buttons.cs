using System.Globalization;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Language;
using CreatorOS.Modules.Assistant.Tools;

namespace CreatorOS.Modules.Assistant.Brain.Offline;

/// <summary>Button clicks and client events, handled by their action — no text understanding needed.</summary>
internal static class Buttons
{
    private static readonly HashSet<string> Structural = new(StringComparer.Ordinal)
    {
        ButtonActions.SetNiche, ButtonActions.SkipSpecialty, ButtonActions.ConnectSocial, ButtonActions.Skip, ButtonActions.WriteBlogs,
        ButtonActions.RegenerateBlogs, ButtonActions.WriteBlog, ButtonActions.WriteBio, ButtonActions.BioOk, ButtonActions.SetTone,
        ButtonActions.UploadPhoto, ButtonActions.SetPrice, ButtonActions.CustomPrice, ButtonActions.WriteSharePost, ButtonActions.Shared,
        ButtonActions.CopyText, ButtonActions.ScheduleLive, ButtonActions.SetupPayments, ButtonActions.Finish, ButtonActions.ConfirmDelete,
        ButtonActions.KeepBlog, ButtonActions.ApplyTemplate, ButtonActions.TemplateOk, ButtonActions.Analytics, ButtonActions.Resume,
        ButtonActions.Later, ButtonActions.OpenUrl, ButtonActions.DraftSocialBlogs, ButtonActions.PublishBlogs,
    };

    public static bool IsStructural(string? action) => action is not null && Structural.Contains(action);

    public static Reply Click(Situation s, BrainInput input, AveryButton button)
    {
        var value = button.Value;
        var reply = button.Action switch
        {
            ButtonActions.SetNiche when value is not null && Formats.Niches.Contains(value) =>
                Reply.Call("set_niche", ToolCall.Of(ToolNames.UpdateCoachProfile, ("niche", value))),
            ButtonActions.SetNiche => Reply.Say(s.Say("discovery.niche_needed"), "set_niche", PhaseQuestions.NicheButtons()),
            ButtonActions.SkipSpecialty => SkipSpecialty(s, input),
            ButtonActions.ConnectSocial when value is "instagram" or "tiktok" or "youtube" =>
                Reply.Call("connect_social", ToolCall.Of(ToolNames.ConnectSocialAccount, ("platform", value))),
            ButtonActions.ConnectSocial => Reply.Say(s.Say("social.which"), "connect_social", PhaseQuestions.SocialButtons()),
            ButtonActions.Skip => Skip(s, input, value == ButtonActions.SkipAndWriteBlogs),
            ButtonActions.WriteBlogs => WriteStarterBlogs(s),
            ButtonActions.DraftSocialBlogs => SocialContent.Draft(s),
            ButtonActions.PublishBlogs when value is { Length: > 0 } => Reply.Call("publish_blogs", ToolCall.Of(ToolNames.PublishBlogPosts, ("blog_ids", value))),
            ButtonActions.PublishBlogs => Continue(s, input, "publish_blogs"),
            ButtonActions.RegenerateBlogs => Reply.Call("regenerate_blogs", ToolCall.Of(ToolNames.GenerateBlogPosts, ("count", Scorecard.BlogsNeeded))),
            ButtonActions.WriteBlog => Reply.Say(s.Say("blog.ask_topic"), "write_blog").Remembering(FactKeys.Awaiting, "blog_topic"),
            ButtonActions.WriteBio => PhaseQuestions.WriteBio(s, null),
            ButtonActions.BioOk => Continue(s, input, "bio_ok"),
            ButtonActions.SetTone when value is not null && Formats.Tones.Contains(value) => PhaseQuestions.WriteBio(s, value),
            ButtonActions.UploadPhoto => Reply.Say(s.Say("upload.prompt"), "upload_photo", PhaseQuestions.PhotoButtons()),
            ButtonActions.SetPrice => SetPrice(s, button),
            ButtonActions.CustomPrice => Reply.Say(s.Say("pricing.ask_amount", ("example", Formats.Money(14.99m, s.Store.Price?.Currency))), "custom_price").Remembering(FactKeys.Awaiting, "price"),
            ButtonActions.WriteSharePost => Reply.Call("write_share_post", ToolCall.Of(ToolNames.GenerateShareContent, ("platform", value))),
            ButtonActions.Shared => Reply.Call("shared", ToolCall.Of(ToolNames.UpdateScorecard, ("item", "shared"), ("done", true))),
            ButtonActions.CopyText => Reply.Say(s.Say("launch.copied"), "copied", s.Phase == OnboardingPhase.Launch ? PhaseQuestions.ShareButtons(value) : []),
            ButtonActions.ScheduleLive => ScheduleLive(s, WhenParser.DefaultSlot(s.Context.Now)),
            ButtonActions.SetupPayments => Reply.Call("setup_payments", ToolCall.Of(ToolNames.SetupStripe)),
            ButtonActions.Finish when s.Phase == OnboardingPhase.Complete => Reply.Say(s.Say("complete.all_set"), "finish"),
            ButtonActions.Finish => Reply.Call("finish", ToolCall.Of(ToolNames.SkipStep)),
            ButtonActions.ConfirmDelete => ConfirmDelete(s, value ?? s.Fact(FactKeys.PendingDeleteBlogId)),
            ButtonActions.KeepBlog => Continue(s, input, "keep_blog").Remembering(FactKeys.PendingDeleteBlogId, null),
            ButtonActions.ApplyTemplate when value is { Length: > 0 } => Reply.Call(
                "change_template",
                value.Contains('_', StringComparison.Ordinal) ? ToolCall.Of(ToolNames.ApplyStoreTemplate, ("template_id", value)) : ToolCall.Of(ToolNames.ApplyStoreTemplate, ("variant", value))),
            ButtonActions.ApplyTemplate => TextTurns.OfferTemplates(s),
            ButtonActions.TemplateOk => Continue(s, input, "template_ok"),
            ButtonActions.Analytics => Reply.Call("analytics", ToolCall.Of(ToolNames.GetStoreAnalytics)),
            ButtonActions.Resume => Continue(s, input, "resume"),
            ButtonActions.Later => Reply.Say(s.Say("greeting.later"), "later"),
            ButtonActions.OpenUrl => Continue(s, input, "open_url"),
            _ => Continue(s, input, button.Action),
        };
        return reply.Remembering(FactKeys.Awaiting, reply.Remember.GetValueOrDefault(FactKeys.Awaiting));
    }

    public static Reply Event(Situation s, BrainInput input, ClientEvent clientEvent) => clientEvent.Type switch
    {
        "photo_uploaded" when clientEvent.Ok && !string.IsNullOrWhiteSpace(clientEvent.Value) =>
            Reply.Call("photo_uploaded", ToolCall.Of(ToolNames.UpdateCoachProfile, ("photo_url", clientEvent.Value))),
        "photo_uploaded" => Reply.Say(s.Say("upload.failed"), "photo_failed", PhaseQuestions.PhotoButtons()),
        "oauth_complete" when !clientEvent.Ok => Reply.Say(
            s.Say("social.oauth_failed"),
            "oauth_failed",
            [
                ButtonActions.Primary("Try again", ButtonActions.ConnectSocial, clientEvent.Value),
                ButtonActions.SkipButton(),
            ]),
        _ => Continue(s, input, clientEvent.Type),
    };

    /// <summary>The lead for this input (if any) and the phase question.</summary>
    public static Reply Continue(Situation s, BrainInput input, string intent)
    {
        var ask = PhaseQuestions.Ask(s);
        return ask.Calls.Count > 0 ? ask with { Intent = intent } : ask.WithLead(Guidance.Lead(s, input)) with { Intent = intent };
    }

    public static Reply SkipSpecialty(Situation s, BrainInput input)
    {
        if (s.Phase != OnboardingPhase.Discovery || string.IsNullOrEmpty(s.Name) || string.IsNullOrEmpty(s.Profile.Niche))
        {
            return Continue(s, input, "skip_specialty");
        }

        // The engine merges the fact after this reply; the next question is already the next phase's.
        var next = s with { Context = s.Context with { Phase = OnboardingPhase.SocialConnect, PreviousPhase = OnboardingPhase.Discovery } };
        var ask = PhaseQuestions.Ask(next);
        return (ask.WithLead(s.Say("discovery.specialty_skipped")) with { Intent = "skip_specialty" })
            .Remembering(FactKeys.SpecialtySkipped, "true");
    }

    public static Reply Skip(Situation s, BrainInput input, bool thenWriteBlogs = false)
    {
        if (s.Phase == OnboardingPhase.Discovery)
        {
            if (string.IsNullOrEmpty(s.Name))
            {
                return Reply.Say(s.Say("discovery.name_needed"), "skip");
            }

            return string.IsNullOrEmpty(s.Profile.Niche)
                ? Reply.Say(s.Say("discovery.niche_needed"), "skip", PhaseQuestions.NicheButtons())
                : SkipSpecialty(s, input);
        }

        if (s.Phase == OnboardingPhase.Complete)
        {
            return Reply.Say(Reply.Join(s.Say("skip.nothing"), s.SayWithSalt("complete.menu", "skip")), "skip", PhaseQuestions.MenuButtons());
        }

        return thenWriteBlogs && s.Phase == OnboardingPhase.SocialConnect
            ? Reply.Call("skip", ToolCall.Of(ToolNames.SkipStep), ToolCall.Of(ToolNames.GenerateBlogPosts, ("count", Math.Max(1, Scorecard.BlogsNeeded - s.PublishedBlogs))))
            : Reply.Call("skip", ToolCall.Of(ToolNames.SkipStep));
    }

    public static Reply WriteStarterBlogs(Situation s) =>
        Reply.Call("write_blogs", ToolCall.Of(ToolNames.GenerateBlogPosts, ("count", Math.Clamp(Scorecard.BlogsNeeded - s.PublishedBlogs, 1, Scorecard.BlogsNeeded))));

    public static Reply ScheduleLive(Situation s, DateTimeOffset at)
    {
        if (at <= s.Context.Now.AddMinutes(30))
        {
            return Reply.Say(s.Say("next.time_passed"), "schedule_live");
        }

        var title = string.IsNullOrEmpty(s.Name) ? "Live Q&A" : "Live Q&A with " + s.Name;
        return Reply.Call("schedule_live", ToolCall.Of(ToolNames.ScheduleLiveSession, ("title", title.Length > 120 ? title[..120] : title), ("starts_at", Formats.Iso(at))));
    }

    public static Reply ConfirmDelete(Situation s, string? blogId)
    {
        if (blogId is null || !Guid.TryParse(blogId, out var id))
        {
            return Reply.Say(s.Say("delete.none"), "delete_blog").Remembering(FactKeys.PendingDeleteBlogId, null);
        }

        return Reply.Call("delete_blog", ToolCall.Of(ToolNames.DeleteBlogPost, ("blog_id", id.ToString()), ("confirmed", true)))
            .Remembering(FactKeys.PendingDeleteBlogId, null);
    }

    private static Reply SetPrice(Situation s, AveryButton button)
    {
        var fromLabel = PriceParser.Parse(button.Label, bareNumberIsPrice: false);
        var amount = decimal.TryParse(button.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : fromLabel?.Amount;
        if (amount is null)
        {
            return Reply.Say(s.Say("pricing.ask_amount", ("example", Formats.Money(14.99m, s.Store.Price?.Currency))), "set_price").Remembering(FactKeys.Awaiting, "price");
        }

        var currency = fromLabel?.Currency ?? s.Store.Price?.Currency ?? "GBP";
        return Reply.Call("set_price", ToolCall.Of(ToolNames.SetSubscriptionPrice, ("amount", amount.Value), ("currency", currency)));
    }
}
