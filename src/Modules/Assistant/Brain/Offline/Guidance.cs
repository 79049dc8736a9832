using System.Globalization;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Language;

namespace CreatorOS.Modules.Assistant.Brain.Offline;

/// <summary>What to say when the coach is lost, misunderstood, or coming back: short, one next action, a way out.</summary>
internal static class Guidance
{
    /// <summary>Scenario 11: one short sentence, the single next action, and a skip offer.</summary>
    public static Reply Simplify(Situation s)
    {
        var (key, buttons) = s.Phase switch
        {
            OnboardingPhase.Discovery when string.IsNullOrEmpty(s.Name) => ("simple.discovery_name", Array.Empty<AveryButton>()),
            OnboardingPhase.Discovery when string.IsNullOrEmpty(s.Profile.Niche) => ("simple.discovery_niche", [.. PhaseQuestions.NicheButtons()]),
            OnboardingPhase.Discovery => ("simple.discovery_specialty", [new AveryButton("Skip this", ButtonActions.SkipSpecialty, null, "skip")]),
            OnboardingPhase.SocialConnect => ("simple.social_connect", [ButtonActions.Primary("Skip — write blogs for me", ButtonActions.Skip, ButtonActions.SkipAndWriteBlogs)]),
            OnboardingPhase.ContentImport => ("simple.content_import", [ButtonActions.Primary("Write my blogs", ButtonActions.WriteBlogs), ButtonActions.SkipButton()]),
            OnboardingPhase.ProfileSetup when string.IsNullOrEmpty(s.Profile.Bio) => ("simple.profile_bio", [ButtonActions.Primary("Write my bio", ButtonActions.WriteBio), ButtonActions.SkipButton()]),
            OnboardingPhase.ProfileSetup => ("simple.profile_photo", [.. PhaseQuestions.PhotoButtons()]),
            OnboardingPhase.Pricing => ("simple.pricing", [ButtonActions.Primary(Formats.Money(14.99m, s.Store.Price?.Currency) + "/month", ButtonActions.SetPrice, "14.99"), ButtonActions.SkipButton()]),
            OnboardingPhase.Launch => ("simple.launch", [ButtonActions.Primary("I've shared it ✅", ButtonActions.Shared), ButtonActions.SkipButton()]),
            OnboardingPhase.NextSteps => ("simple.next_steps", [ButtonActions.Primary("I'm all set", ButtonActions.Finish)]),
            _ => ("simple.complete", [.. PhaseQuestions.MenuButtons()]),
        };
        return Reply.Say(Reply.Join(s.Say("confused"), s.Say(key)), "confused", buttons);
    }

    /// <summary>Not understood: say so, and ask the phase question again (without calling tools, so it stays one round).</summary>
    public static Reply NotUnderstood(Situation s)
    {
        if (int.TryParse(s.Fact(FactKeys.MisunderstoodStreak), NumberStyles.Integer, CultureInfo.InvariantCulture, out var streak) && streak >= 2)
        {
            return Loop(s);
        }

        var ask = PhaseQuestions.Ask(s with { CanCallTools = false });
        var sorry = s.SayWithSalt("unknown", s.HistoryCount.ToString(CultureInfo.InvariantCulture));
        var reask = s.Phase == OnboardingPhase.Discovery && string.IsNullOrEmpty(s.Name) ? s.Say("discovery.name_rejected") : Reply.Join(sorry, ask.Text);
        return ask with { Text = reask, Understood = false, Intent = "unknown" };
    }

    /// <summary>Spec 6.4: the conversation is going round in circles.</summary>
    public static Reply Loop(Situation s)
    {
        if (s.Phase == OnboardingPhase.Complete)
        {
            return Reply.Say(s.Say("loop.complete"), "unknown", PhaseQuestions.MenuButtons()) with { Understood = false };
        }

        if (s.Phase == OnboardingPhase.Discovery && (string.IsNullOrEmpty(s.Name) || string.IsNullOrEmpty(s.Profile.Niche)))
        {
            var needed = string.IsNullOrEmpty(s.Name) ? s.Say("simple.discovery_name") : s.Say("simple.discovery_niche");
            return Reply.Say(needed, "unknown", string.IsNullOrEmpty(s.Name) ? [] : PhaseQuestions.NicheButtons()) with { Understood = false };
        }

        var skip = s.Phase == OnboardingPhase.Discovery
            ? new AveryButton("Skip this step", ButtonActions.SkipSpecialty, null, "skip")
            : new AveryButton("Skip this step", ButtonActions.Skip, null, "skip");
        return Reply.Say(s.Say("loop"), "unknown", [skip, ButtonActions.Secondary("Keep going", ButtonActions.Resume)]) with { Understood = false };
    }

    /// <summary>Spec 6.4: back after 30+ days — honest numbers (subscribers and blogs; no visitor counts exist).</summary>
    public static Reply LongAbsence(Situation s)
    {
        var complete = s.Phase == OnboardingPhase.Complete;
        var text = s.Say(
            complete ? "greeting.long_absence_complete" : "greeting.long_absence",
            ("subscribers", Formats.Count(s.Store.SubscriberCount, "subscriber")),
            ("blogs", Formats.Count(s.PublishedBlogs, "published blog")));
        IReadOnlyList<AveryButton> buttons = complete
            ? [ButtonActions.Primary("How am I doing?", ButtonActions.Analytics), ButtonActions.Secondary("Write a blog", ButtonActions.WriteBlog)]
            : [ButtonActions.Primary("Pick up where we left off", ButtonActions.Resume), ButtonActions.Secondary("Not now", ButtonActions.Later)];
        return Reply.Say(text, "long_absence", buttons);
    }

    /// <summary>"What should I do next?" — the highest-impact missing thing, from the store's real state (no invented statistics).</summary>
    public static string NextAdvice(Situation s)
    {
        var tip = s.Store.SubscriberCount > 0 && s.Store.Price is null ? s.Say("advice.payments")
            : s.PublishedBlogs < 5 ? s.Say("advice.blogs", ("count", s.PublishedBlogs.ToString(CultureInfo.InvariantCulture)))
            : s.Store.LiveSessions.Count == 0 ? s.Say("advice.live")
            : s.Say("advice.share");
        return s.Say("advice.intro", ("tip", tip));
    }

    /// <summary>
    /// The sentence that goes before the phase question for inputs that do not change anything
    /// (a greeting, a thank-you, a feature question). It is derived again in the round after a
    /// tool ran, so the answer survives a benchmarks or share-post call.
    /// </summary>
    public static string? Lead(Situation s, BrainInput input)
    {
        if (input.User is null)
        {
            return s.Context.Occasion switch
            {
                Occasion.Welcome when s.Phase == OnboardingPhase.Discovery && string.IsNullOrEmpty(s.Name) => null,
                Occasion.Welcome => s.Say("greeting.welcome"),
                Occasion.Resume when s.Phase == OnboardingPhase.Complete => s.Say("greeting.welcome_back_complete"),
                Occasion.Resume => s.Say("greeting.resume"),
                _ => null,
            };
        }

        if (input.Event is { } clientEvent)
        {
            return clientEvent is { Type: "oauth_complete", Ok: true } ? s.Say("social.connected", ("platform", Formats.PlatformName(clientEvent.Value))) : null;
        }

        if (input.Button is { } button && Buttons.IsStructural(button.Action))
        {
            return button.Action switch
            {
                ButtonActions.BioOk => s.Say("profile.bio_ok"),
                ButtonActions.TemplateOk => s.Say("template.ok"),
                ButtonActions.KeepBlog => s.Say("delete.kept"),
                ButtonActions.CopyText => s.Say("launch.copied"),
                ButtonActions.SkipSpecialty => s.Say("discovery.specialty_skipped"),
                _ => null,
            };
        }

        var u = input.Understand(s);
        return u.Kind switch
        {
            IntentKind.Greeting => string.IsNullOrEmpty(s.Name) ? s.Say("greeting.hi_anonymous") : s.Say("greeting.hi"),
            IntentKind.Thanks => s.Say("thanks"),
            IntentKind.FeatureQuestion => s.Say("feature." + u.Feature),
            IntentKind.Competitor => s.Say("competitor.redirect", ("competitor", u.Competitor)),
            IntentKind.NextAdvice => NextAdvice(s),
            _ => null,
        };
    }
}
