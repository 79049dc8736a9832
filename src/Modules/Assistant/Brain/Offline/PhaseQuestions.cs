using CreatorOS.Modules.Assistant.Content;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Tools;

namespace CreatorOS.Modules.Assistant.Brain.Offline;

/// <summary>
/// The question of each phase (its onEnter). Some questions need a tool first (pricing needs the
/// benchmarks, launch needs the share post, the profile needs a bio): then the reply is that call,
/// and the question is asked once the report is back.
/// </summary>
internal static class PhaseQuestions
{
    public static readonly IReadOnlyList<decimal> DefaultPrices = [9.99m, 14.99m, 19.99m];

    public static Reply Ask(Situation s) => s.Phase switch
    {
        OnboardingPhase.Discovery => Discovery(s),
        OnboardingPhase.SocialConnect => Reply.Say(s.Say("social.ask"), "ask_social_connect", SocialButtons()),
        OnboardingPhase.ContentImport => ContentImport(s),
        OnboardingPhase.ProfileSetup => ProfileSetup(s),
        OnboardingPhase.Pricing => Pricing(s),
        OnboardingPhase.Launch => Launch(s),
        OnboardingPhase.NextSteps => Reply.Say(s.Say("next.ask"), "ask_next_steps", NextStepButtons()),
        _ => Complete(s),
    };

    public static IReadOnlyList<AveryButton> NicheButtons() =>
        [.. Formats.Niches.Select(n => ButtonActions.Secondary(Formats.NicheButtonLabels[n], ButtonActions.SetNiche, n))];

    public static IReadOnlyList<AveryButton> SocialButtons() =>
    [
        ButtonActions.Secondary("Connect Instagram", ButtonActions.ConnectSocial, "instagram"),
        ButtonActions.Secondary("Connect TikTok", ButtonActions.ConnectSocial, "tiktok"),
        ButtonActions.Secondary("Connect YouTube", ButtonActions.ConnectSocial, "youtube"),
        ButtonActions.SkipButton(),
    ];

    public static IReadOnlyList<AveryButton> NextStepButtons() =>
    [
        ButtonActions.Primary("Schedule a live session", ButtonActions.ScheduleLive),
        ButtonActions.Secondary("Connect payments", ButtonActions.SetupPayments),
        new("I'm all set", ButtonActions.Finish, null, "skip"),
    ];

    public static IReadOnlyList<AveryButton> MenuButtons() =>
    [
        ButtonActions.Secondary("How am I doing?", ButtonActions.Analytics),
        ButtonActions.Secondary("Write a blog", ButtonActions.WriteBlog),
        ButtonActions.Secondary("Schedule a live session", ButtonActions.ScheduleLive),
    ];

    public static IReadOnlyList<AveryButton> PhotoButtons() =>
        [ButtonActions.Primary("Upload photo 📷", ButtonActions.UploadPhoto), ButtonActions.SkipButton()];

    /// <summary>[Looks great] + the two other tones to try (casual and professional first, as in the spec).</summary>
    public static IReadOnlyList<AveryButton> BioButtons(string? currentTone) =>
    [
        ButtonActions.Primary("Looks great", ButtonActions.BioOk),
        .. Formats.Tones.Where(t => t != currentTone).Take(2).Select(t => ButtonActions.Secondary(ToneLabel(t), ButtonActions.SetTone, t)),
    ];

    public static IReadOnlyList<AveryButton> PriceButtons(IReadOnlyList<decimal> prices, string currency) =>
    [
        .. prices.Select((p, i) => new AveryButton(Formats.Money(p, currency) + "/month", ButtonActions.SetPrice, Formats.Amount(p), i == 1 ? "primary" : "secondary")),
        ButtonActions.Secondary("Another amount", ButtonActions.CustomPrice),
    ];

    public static IReadOnlyList<AveryButton> ShareButtons(string? text) =>
    [
        ButtonActions.Primary("I've shared it ✅", ButtonActions.Shared),
        .. text is null ? Array.Empty<AveryButton>() : [ButtonActions.Secondary("Copy text", ButtonActions.CopyText, text)],
        ButtonActions.SkipButton("Skip"),
    ];

    public static string ToneLabel(string tone) => tone switch
    {
        "energetic" => "Make it more energetic",
        "calm" => "Make it calmer",
        _ => "Make it more " + tone,
    };

    private static Reply Discovery(Situation s)
    {
        if (string.IsNullOrEmpty(s.Name))
        {
            var key = s.Context.Occasion == Occasion.Welcome || s.HistoryCount == 0 ? "discovery.ask_name" : "discovery.reask_name";
            return Reply.Say(s.Say(key), "ask_name").Remembering(FactKeys.Awaiting, null);
        }

        if (string.IsNullOrEmpty(s.Profile.Niche))
        {
            return Reply.Say(s.Say("discovery.ask_niche"), "ask_niche", NicheButtons());
        }

        return Reply.Say(s.Say("discovery.ask_specialty"), "ask_specialty", [new AveryButton("Skip this", ButtonActions.SkipSpecialty, null, "skip")]);
    }

    private static Reply ContentImport(Situation s)
    {
        if (SocialContent.Ask(s) is { } social)
        {
            return social;
        }

        var missing = Math.Max(1, Scorecard.BlogsNeeded - s.PublishedBlogs);
        var text = s.PublishedBlogs == 0
            ? s.Say("content.ask")
            : s.Say("content.ask_more", ("published", Formats.Count(s.PublishedBlogs, "blog")), ("missing", missing.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Reply.Say(text, "ask_content_import", [ButtonActions.Primary(missing == 1 ? "Write my blog" : "Write my blogs", ButtonActions.WriteBlogs), ButtonActions.SkipButton("Skip")]);
    }

    private static Reply ProfileSetup(Situation s)
    {
        if (string.IsNullOrEmpty(s.Profile.Bio))
        {
            if (s.CanCallTools && !s.Attempted(ToolNames.UpdateCoachProfile, "bio"))
            {
                return WriteBio(s, null);
            }

            return Reply.Say(s.Say("profile.offer_bio"), "ask_bio", [ButtonActions.Primary("Write my bio", ButtonActions.WriteBio), ButtonActions.SkipButton()]);
        }

        return Reply.Say(s.Say("profile.ask_photo"), "ask_photo", PhotoButtons()).Remembering(FactKeys.Awaiting, "photo");
    }

    /// <summary>Writes a bio (in the given tone, else the store's) and saves it with update_coach_profile.</summary>
    public static Reply WriteBio(Situation s, string? tone)
    {
        var bio = BioWriter.Write(s.Name, s.Profile.Niche, s.Profile.Specialty, tone ?? s.Profile.Tone);
        var call = tone is null
            ? ToolCall.Of(ToolNames.UpdateCoachProfile, ("bio", bio))
            : ToolCall.Of(ToolNames.UpdateCoachProfile, ("tone", tone), ("bio", bio));
        return Reply.Call(tone is null ? "write_bio" : "change_tone", call);
    }

    private static Reply Pricing(Situation s)
    {
        var benchmarks = s.Report(ToolNames.GetNicheBenchmarks)?.Data<NicheBenchmarkData>();
        if (benchmarks is null && s.CanCallTools && !s.Attempted(ToolNames.GetNicheBenchmarks))
        {
            return Reply.Call("get_benchmarks", ToolCall.Of(ToolNames.GetNicheBenchmarks, ("niche", s.Profile.Niche)));
        }

        var currency = benchmarks?.Currency ?? s.Store.Price?.Currency ?? "GBP";
        var prices = SuggestedPrices(benchmarks);
        var text = benchmarks is null ? s.Say("pricing.ask_plain") : BenchmarkSentence(s, benchmarks, asQuestion: true);
        return Reply.Say(text, "ask_price", PriceButtons(prices, currency)).Remembering(FactKeys.Awaiting, "price");
    }

    public static string BenchmarkSentence(Situation s, NicheBenchmarkData b, bool asQuestion)
    {
        var niche = b.Niche is { Length: > 0 } ? b.Niche : s.Profile.Niche ?? "coaching";
        if (b.CoachCount > 0 && b.MinPrice is { } min && b.MaxPrice is { } max && b.AvgPrice is { } avg)
        {
            return s.Say(
                asQuestion ? "pricing.ask_with_data" : "pricing.range",
                ("niche", niche),
                ("min", Formats.Money(min, b.Currency)),
                ("max", Formats.Money(max, b.Currency)),
                ("avg", Formats.Money(decimal.Round(avg, 2), b.Currency)));
        }

        return s.Say(
            asQuestion ? "pricing.ask_no_data" : "pricing.no_data",
            ("niche", niche),
            ("low", Formats.Money(DefaultPrices[0], b.Currency)),
            ("high", Formats.Money(DefaultPrices[^1], b.Currency)));
    }

    /// <summary>Three prices to tap: the benchmarks' low, average and high made to read well; else £9.99/£14.99/£19.99.</summary>
    public static IReadOnlyList<decimal> SuggestedPrices(NicheBenchmarkData? b)
    {
        if (b is { CoachCount: > 0, MinPrice: { } min, AvgPrice: { } avg, MaxPrice: { } max })
        {
            var prices = new[] { min, avg, max }.Select(Formats.Charm).Distinct().Order().ToList();
            if (prices.Count == 3)
            {
                return prices;
            }
        }

        return DefaultPrices;
    }

    private static Reply Launch(Situation s)
    {
        var share = s.Report(ToolNames.GenerateShareContent)?.Data<ShareContentData>();
        if (share is null && s.CanCallTools && !s.Attempted(ToolNames.GenerateShareContent))
        {
            return Reply.Call("write_share_post", ToolCall.Of(ToolNames.GenerateShareContent));
        }

        if (share is null)
        {
            return Reply.Say(s.Say("launch.offer"), "ask_share", [ButtonActions.Primary("Write my post", ButtonActions.WriteSharePost), ButtonActions.SkipButton("Skip")]);
        }

        return Reply.Say(s.Say("launch.ask", ("platform", Formats.PlatformName(share.Platform))), "ask_share", ShareButtons(share.Text))
            with { Preview = new AveryPreview("share_post", share.Text, "Post for " + Formats.PlatformName(share.Platform)) };
    }

    private static Reply Complete(Situation s)
    {
        if (s.Context.PreviousPhase is not null)
        {
            return Reply.Say(s.Say("complete.celebrate"), "onboarding_complete");
        }

        return Reply.Say(s.SayWithSalt("complete.menu", s.HistoryCount.ToString(System.Globalization.CultureInfo.InvariantCulture)), "ask_anything", MenuButtons());
    }
}
