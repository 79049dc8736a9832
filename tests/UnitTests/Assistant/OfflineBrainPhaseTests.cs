using CreatorOS.Modules.Assistant.Brain;
using CreatorOS.Modules.Assistant.Brain.Offline;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Tools;
using Microsoft.Extensions.AI;
using static CreatorOS.UnitTests.Assistant.AveryTestKit;

namespace CreatorOS.UnitTests.Assistant;

public sealed class OfflineBrainPhaseTests
{
    private static StoreBuilder Fitness() => new StoreBuilder().Named("Sam").InNiche("fitness", "powerlifting");

    [Fact]
    public async Task Welcome_asks_for_the_name()
    {
        var response = await Respond(Context(new StoreBuilder().Build(), OnboardingPhase.Discovery, occasion: Occasion.Welcome));

        response.Text().ShouldBe("Hey! 👋 I'm Avery, your setup assistant. First — what should I call you?");
        response.Calls().ShouldBeEmpty();
        response.Understood().ShouldBeTrue();
    }

    [Fact]
    public async Task A_name_is_saved_exactly_as_typed_then_the_niche_is_asked_with_the_four_buttons()
    {
        var store = new StoreBuilder().Build();
        var response = await Respond(Context(store, OnboardingPhase.Discovery), User("hi, I'm jonh"));

        var call = response.Call();
        call.Name.ShouldBe(ToolNames.UpdateCoachProfile);
        call.Arg("preferred_name").ShouldBe("jonh");
        response.Buttons().ShouldBeEmpty();

        var named = new StoreBuilder().Named("jonh").Build();
        var next = await Respond(
            Context(named, OnboardingPhase.Discovery),
            [User("hi, I'm jonh"), .. ToolRound(ToolNames.UpdateCoachProfile, call.Arguments!, ToolResult.Done("Saved.", new ProfileUpdatedData(["preferred_name"])), call.CallId)]);

        next.Text().ShouldBe("Great, jonh! What kind of coaching do you do?");
        next.Buttons().Select(b => (b.Label, b.Action, b.Value)).ShouldBe(
        [
            ("Fitness & Training", "set_niche", "fitness"),
            ("Wellness & Mindfulness", "set_niche", "wellness"),
            ("Business & Executive", "set_niche", "business"),
            ("Lifestyle & Creator", "set_niche", "lifestyle"),
        ]);
    }

    [Fact]
    public async Task A_name_with_a_niche_sets_both()
    {
        var call = (await Respond(Context(new StoreBuilder().Build(), OnboardingPhase.Discovery), User("Priya, I teach yoga"))).Call();

        call.Arguments.ShouldBe(new Dictionary<string, object?> { ["preferred_name"] = "Priya", ["niche"] = "wellness", ["specialty"] = "yoga" });
    }

    [Fact]
    public async Task A_niche_before_the_name_is_kept_and_the_name_asked_next()
    {
        var call = (await Respond(Context(new StoreBuilder().Build(), OnboardingPhase.Discovery), User("I teach yoga"))).Call();
        call.Arguments.ShouldBe(new Dictionary<string, object?> { ["niche"] = "wellness", ["specialty"] = "yoga" });

        var store = new StoreBuilder().InNiche("wellness", "yoga").Build();
        var phrased = await Respond(Context(store, OnboardingPhase.Discovery), [User("I teach yoga"), .. ToolRound(call.Name, call.Arguments!, ToolResult.Done("Saved.", new ProfileUpdatedData(["niche", "specialty"])), call.CallId)]);
        phrased.Text().ShouldStartWith("Love it — yoga!");
        phrased.Text().ShouldContain("what should I call you?", Case.Insensitive);
    }

    [Fact]
    public async Task Something_that_is_not_a_name_is_asked_again()
    {
        var response = await Respond(Context(new StoreBuilder().Build(), OnboardingPhase.Discovery), User("why do you need that?"));

        response.Calls().ShouldBeEmpty();
        response.Text().ShouldContain("what should I call you?", Case.Insensitive);
    }

    [Fact]
    public async Task The_niche_button_sets_the_niche_without_applying_a_template()
    {
        var response = await Respond(Context(new StoreBuilder().Named("Sam").Build(), OnboardingPhase.Discovery), Click(new AveryButton("Fitness & Training", "set_niche", "fitness")));

        var call = response.Call();
        call.Name.ShouldBe(ToolNames.UpdateCoachProfile);
        call.Arguments.ShouldBe(new Dictionary<string, object?> { ["niche"] = "fitness" });
    }

    [Fact]
    public async Task Free_text_niche_sets_niche_and_specialty()
    {
        var response = await Respond(Context(new StoreBuilder().Named("Sam").Build(), OnboardingPhase.Discovery), User("I teach yoga"));

        var call = response.Call();
        call.Arg("niche").ShouldBe("wellness");
        call.Arg("specialty").ShouldBe("yoga");
    }

    [Fact]
    public async Task The_specialty_is_asked_and_can_be_skipped_with_a_remembered_fact()
    {
        var store = new StoreBuilder().Named("Sam").InNiche("fitness").Build();
        var ask = await Respond(Context(store, OnboardingPhase.Discovery), User("hello"));
        ask.Text().ShouldContain("Nice! What's your specialty within fitness?");
        var skip = ask.Buttons().ShouldHaveSingleItem();

        var skipped = await Respond(Context(store, OnboardingPhase.Discovery), Click(skip));
        skipped.Calls().ShouldBeEmpty();
        skipped.Remember()[FactKeys.SpecialtySkipped].ShouldBe("true");
        skipped.Text().ShouldContain("Connect a social account");
        skipped.Buttons().Select(b => b.Action).ShouldContain("connect_social");

        var typed = await Respond(Context(store, OnboardingPhase.Discovery), User("mostly powerlifting"));
        typed.Call().Arg("specialty").ShouldBe("powerlifting");
    }

    [Fact]
    public async Task Social_connect_offers_three_platforms_and_skip()
    {
        var response = await Respond(Context(Fitness().Build(), OnboardingPhase.SocialConnect), User(""));

        response.Buttons().Select(b => b.Value ?? b.Action).ShouldBe(["instagram", "tiktok", "youtube", "skip"]);
        response.Buttons()[^1].Variant.ShouldBe("skip");
    }

    [Fact]
    public async Task Connecting_when_social_import_is_off_says_so_honestly()
    {
        var ctx = Context(Fitness().Build(), OnboardingPhase.SocialConnect);
        var click = await Respond(ctx, Click(new AveryButton("Connect Instagram", "connect_social", "instagram")));
        var call = click.Call();
        call.Name.ShouldBe(ToolNames.ConnectSocialAccount);
        call.Arg("platform").ShouldBe("instagram");

        var phrased = await Respond(ctx, [User("Connect Instagram"), .. ToolRound(call.Name, call.Arguments!, ToolResult.Done("Not available.", new SocialConnectData("instagram", "not_available", null)), call.CallId)]);
        phrased.Text().ShouldContain("isn't switched on");
        phrased.Text().ShouldNotContain("connected!");
        phrased.Buttons().ShouldAllBe(b => b.Action == "skip");

        var instead = await Respond(ctx, Click(phrased.Buttons()[0]));
        instead.Calls().Select(c => c.Name).ShouldBe([ToolNames.SkipStep, ToolNames.GenerateBlogPosts]);
    }

    [Fact]
    public async Task A_failed_oauth_offers_retry_or_skip()
    {
        var response = await Respond(Context(Fitness().Build(), OnboardingPhase.SocialConnect), Event("oauth_complete", "tiktok", ok: false));

        response.Text().ShouldBe("Connection didn't go through. Try again or skip?");
        response.Buttons().Select(b => (b.Action, b.Value)).ShouldBe([("connect_social", "tiktok"), ("skip", null)]);
    }

    [Fact]
    public async Task Content_import_offers_three_blogs_about_the_specialty()
    {
        var response = await Respond(Context(Fitness().Build(), OnboardingPhase.ContentImport), User("hi"));

        response.Text().ShouldContain("Want me to write 3 starter blogs about powerlifting?");
        var write = response.Buttons()[0];
        var call = (await Respond(Context(Fitness().Build(), OnboardingPhase.ContentImport), Click(write))).Call();
        call.Name.ShouldBe(ToolNames.GenerateBlogPosts);
        call.Arg("count").ShouldBe(3);
    }

    [Fact]
    public async Task Profile_setup_writes_a_bio_then_shows_it_with_tone_buttons()
    {
        var store = Fitness().Build();
        var first = await Respond(Context(store, OnboardingPhase.ProfileSetup, occasion: Occasion.Resume));
        var call = first.Call();
        call.Name.ShouldBe(ToolNames.UpdateCoachProfile);
        var bio = call.Arg("bio").ShouldBeOfType<string>();
        bio.ShouldContain("Sam");
        first.Buttons().ShouldBeEmpty();

        var withBio = Fitness().WithBio(bio).Build();
        var shown = await Respond(Context(withBio, OnboardingPhase.ProfileSetup, occasion: Occasion.Resume), ToolRound(call.Name, call.Arguments!, ToolResult.Done("Saved.", new ProfileUpdatedData(["bio"])), call.CallId));
        shown.Text().ShouldStartWith("Welcome back, Sam! We were on your bio and photo.");
        shown.Preview()!.Type.ShouldBe("bio");
        shown.Preview()!.Content.ShouldBe(bio);
        shown.Buttons().Select(b => b.Label).ShouldBe(["Looks great", "Make it more professional", "Make it more energetic"]);
    }

    [Fact]
    public async Task Profile_setup_with_a_bio_asks_for_a_photo_and_an_upload_event_saves_it()
    {
        var store = Fitness().WithBio("I'm Sam.").Build();
        var ask = await Respond(Context(store, OnboardingPhase.ProfileSetup), Click(new AveryButton("Looks great", "bio_ok")));
        ask.Text().ShouldContain("photo");
        ask.Buttons().Select(b => b.Action).ShouldBe(["upload_photo", "skip"]);

        var upload = await Respond(Context(store, OnboardingPhase.ProfileSetup), Event("photo_uploaded", "/media/sam.jpg"));
        var call = upload.Call();
        call.Name.ShouldBe(ToolNames.UpdateCoachProfile);
        call.Arg("photo_url").ShouldBe("/media/sam.jpg");
    }

    [Fact]
    public async Task Pricing_calls_the_benchmarks_first_then_phrases_the_range_with_three_prices()
    {
        var store = Fitness().WithBio("I'm Sam.").WithPhoto().Build();
        var ctx = Context(store, OnboardingPhase.Pricing, occasion: Occasion.Resume);
        var first = await Respond(ctx);
        var call = first.Call();
        call.Name.ShouldBe(ToolNames.GetNicheBenchmarks);
        call.Arg("niche").ShouldBe("fitness");

        var data = new NicheBenchmarkData("fitness", 12, 7.99m, 13.456m, 24.99m, 40, "GBP");
        var phrased = await Respond(ctx, ToolRound(call.Name, call.Arguments!, ToolResult.Done("Benchmarks.", data), call.CallId));
        phrased.Text().ShouldContain("Coaches in fitness on CreatorOS charge £7.99–£24.99 a month, £13.46 on average.");
        phrased.Buttons().Where(b => b.Action == "set_price").Select(b => b.Value).ShouldBe(["7.99", "12.99", "24.99"]);
    }

    [Fact]
    public async Task Pricing_without_data_says_so_and_suggests_the_usual_range()
    {
        var ctx = Context(Fitness().Build(), OnboardingPhase.Pricing);
        var data = new NicheBenchmarkData("fitness", 0, null, null, null, null, "GBP");
        var phrased = await Respond(ctx, [User("hi"), .. ToolRound(ToolNames.GetNicheBenchmarks, Args(("niche", "fitness")), ToolResult.Done("No data.", data))]);

        phrased.Text().ShouldContain("no pricing data");
        phrased.Text().ShouldContain("£9.99–£19.99");
        phrased.Text().ShouldStartWith("Hi Sam! 👋");
        phrased.Buttons().Where(b => b.Action == "set_price").Select(b => b.Label).ShouldBe(["£9.99/month", "£14.99/month", "£19.99/month"]);
    }

    [Fact]
    public async Task A_price_button_sets_the_price_in_the_label_currency()
    {
        var call = (await Respond(Context(Fitness().Build(), OnboardingPhase.Pricing), Click(new AveryButton("$14.99/month", "set_price", "14.99")))).Call();

        call.Name.ShouldBe(ToolNames.SetSubscriptionPrice);
        call.Arg("amount").ShouldBe(14.99m);
        call.Arg("currency").ShouldBe("USD");
    }

    [Fact]
    public async Task Launch_writes_the_share_post_and_shows_it_with_shared_copy_and_skip()
    {
        var store = Fitness().WithPrice(12.99m).Build();
        var ctx = Context(store, OnboardingPhase.Launch, OnboardingPhase.Pricing);
        var first = await Respond(ctx, [User("£12.99"), .. ToolRound(ToolNames.SetSubscriptionPrice, Args(("amount", 12.99m), ("currency", "GBP")), ToolResult.Done("Set.", new PriceSetData(store.Price!)))]);
        var call = first.Call();
        call.Name.ShouldBe(ToolNames.GenerateShareContent);
        first.Text().ShouldBeEmpty();

        var post = "My store is live! https://creatoros.test/s/sam-store";
        var phrased = await Respond(
            Context(store, OnboardingPhase.Launch),
            [
                User("£12.99"),
                .. ToolRound(ToolNames.SetSubscriptionPrice, Args(("amount", 12.99m), ("currency", "GBP")), ToolResult.Done("Set.", new PriceSetData(store.Price!)), "call_a"),
                .. ToolRound(call.Name, call.Arguments!, ToolResult.Done("Written.", new ShareContentData("instagram", post, "https://creatoros.test/s/sam-store")), "call_b"),
            ]);
        phrased.Text().ShouldStartWith("Done! Your price is £12.99/month.");
        phrased.Text().ShouldContain("Here's a post for Instagram");
        phrased.Preview()!.Type.ShouldBe("share_post");
        phrased.Preview()!.Content.ShouldBe(post);
        phrased.Buttons().Select(b => b.Action).ShouldBe(["shared", "copy_text", "skip"]);
        phrased.Buttons()[1].Value.ShouldBe(post);

        var shared = (await Respond(Context(store, OnboardingPhase.Launch), Click(phrased.Buttons()[0]))).Call();
        shared.Name.ShouldBe(ToolNames.UpdateScorecard);
        shared.Arguments.ShouldBe(new Dictionary<string, object?> { ["item"] = "shared", ["done"] = true });

        var copied = await Respond(Context(store, OnboardingPhase.Launch), Click(phrased.Buttons()[1]));
        copied.Calls().ShouldBeEmpty();
        copied.Text().ShouldContain("Copied!");
    }

    [Fact]
    public async Task Next_steps_offers_live_payments_and_all_set()
    {
        var ctx = Context(Fitness().Shared().Build(), OnboardingPhase.NextSteps);
        var response = await Respond(ctx, User(""));
        response.Buttons().Select(b => b.Action).ShouldBe(["schedule_live", "setup_payments", "finish"]);

        var live = (await Respond(ctx, Click(response.Buttons()[0]))).Call();
        live.Name.ShouldBe(ToolNames.ScheduleLiveSession);
        live.Arg("title").ShouldBe("Live Q&A with Sam");
        live.Arg("starts_at").ShouldBe("2026-11-26T18:00:00Z");

        (await Respond(ctx, Click(response.Buttons()[1]))).Call().Name.ShouldBe(ToolNames.SetupStripe);
        (await Respond(ctx, Click(response.Buttons()[2]))).Call().Name.ShouldBe(ToolNames.SkipStep);

        var friday = (await Respond(ctx, User("friday at 7pm"))).Call();
        friday.Arg("starts_at").ShouldBe("2026-11-27T19:00:00Z");
    }

    [Fact]
    public async Task Stripe_not_available_is_phrased_honestly()
    {
        var ctx = Context(Fitness().Shared().Build(), OnboardingPhase.NextSteps);
        var phrased = await Respond(ctx, [User("connect payments"), .. ToolRound(ToolNames.SetupStripe, Args(), ToolResult.Done("Not yet.", new StripeSetupData("not_available", "Your store still takes sign-ups in the meantime.")))]);

        phrased.Text().ShouldContain("Payments can't be connected on this server yet. Your store still takes sign-ups in the meantime.");
    }

    [Fact]
    public async Task Finishing_onboarding_sends_the_completion_message()
    {
        var ctx = Context(Fitness().Shared().Build(), OnboardingPhase.Complete, OnboardingPhase.NextSteps);
        var phrased = await Respond(ctx, [Click(new AveryButton("I'm all set", "finish")), .. ToolRound(ToolNames.SkipStep, Args(), ToolResult.Done("Skipped.", new StepSkippedData("next_steps")))]);

        phrased.Text().ShouldBe("🎉 You did it, Sam! Your store is live and looking amazing.\n\nI'm always here — just click my icon. I can write blogs, help plan live sessions, and give you growth tips.\n\nTalk soon! 💪");
    }

    [Fact]
    public async Task Booking_the_live_session_acknowledges_it_then_celebrates()
    {
        var session = new CreatorOS.Contracts.Storefront.LiveSessionView(Guid.NewGuid(), "Live Q&A with Sam", new DateTimeOffset(2026, 11, 27, 19, 0, 0, TimeSpan.Zero));
        var ctx = Context(Fitness().Shared().Build(), OnboardingPhase.Complete, OnboardingPhase.NextSteps);
        var phrased = await Respond(ctx, [User("friday at 7pm"), .. ToolRound(ToolNames.ScheduleLiveSession, Args(("title", session.Title), ("starts_at", "2026-11-27T19:00:00Z")), ToolResult.Done("Booked.", session))]);

        phrased.Text().ShouldStartWith("Booked! “Live Q&A with Sam” is on Friday 27 November at 19:00 (UTC)");
        phrased.Text().ShouldContain("🎉 You did it, Sam!");
    }

    [Fact]
    public async Task After_onboarding_avery_is_an_ongoing_assistant()
    {
        var response = await Respond(Context(Fitness().Shared().Build(), OnboardingPhase.Complete), User("hi"));

        response.Text().ShouldStartWith("H");
        response.Text().ShouldContain("Sam! 👋");
        response.Buttons().Select(b => b.Action).ShouldBe(["analytics", "write_blog", "schedule_live"]);
    }

    [Fact]
    public async Task Resume_and_long_absence_greet_honestly()
    {
        var store = Fitness().WithSubscribers(7).WithBlog("One", Now.AddDays(-40)).Build();
        var resume = await Respond(Context(store, OnboardingPhase.ContentImport, occasion: Occasion.Resume));
        resume.Text().ShouldStartWith("Welcome back, Sam! We were on your first blogs.");
        resume.Text().ShouldContain("want me to write 2 more about powerlifting?");

        var away = await Respond(Context(store, OnboardingPhase.ContentImport, occasion: Occasion.LongAbsence, daysAway: 45));
        away.Text().ShouldBe("Hey, Sam! It's been a while. Your store still has 7 subscribers and 1 published blog. Want to pick up where we left off?");
        away.Buttons()[0].Action.ShouldBe("resume");

        var picked = await Respond(Context(store, OnboardingPhase.ContentImport), Click(away.Buttons()[0]));
        picked.Text().ShouldContain("want me to write 2 more");

        var welcome = await Respond(Context(store, OnboardingPhase.ContentImport, occasion: Occasion.Welcome));
        welcome.Text().ShouldStartWith("Hey Sam! 👋 I'm Avery, your setup assistant.");
    }

    [Fact]
    public async Task The_context_is_required()
    {
        using var brain = new OfflineBrain(TimeProvider.System);
        await Should.ThrowAsync<ArgumentException>(() => brain.GetResponseAsync([User("hi")], new ChatOptions()));
        brain.GetService(typeof(string)).ShouldBeNull();
        brain.GetService(typeof(OfflineBrain)).ShouldBeSameAs(brain);
    }
}
