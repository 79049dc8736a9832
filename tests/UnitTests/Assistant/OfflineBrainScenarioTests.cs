using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Brain;
using CreatorOS.Modules.Assistant.Brain.Offline;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Tools;
using Microsoft.Extensions.AI;
using static CreatorOS.UnitTests.Assistant.AveryTestKit;

namespace CreatorOS.UnitTests.Assistant;

/// <summary>The spec's test scenarios (Ticket 2.3) that the offline brain must pass on its own.</summary>
public sealed class OfflineBrainScenarioTests
{
    private static StoreBuilder Fitness() => new StoreBuilder().Named("Sam").InNiche("fitness", "powerlifting").WithBio("I'm Sam.").WithPhoto();

    [Fact]
    public async Task Scenario_3_a_tone_request_rewrites_the_bio_in_that_tone()
    {
        var ctx = Context(Fitness().Build(), OnboardingPhase.ProfileSetup);
        var response = await Respond(ctx, User("Can you make it more casual?"));

        var call = response.Call();
        call.Name.ShouldBe(ToolNames.UpdateCoachProfile);
        call.Arg("tone").ShouldBe("casual");
        call.Arg("bio").ShouldBe(CreatorOS.Modules.Assistant.Content.BioWriter.Write("Sam", "fitness", "powerlifting", "casual"));
        response.Intent().ShouldBe("change_tone");

        var phrased = await Respond(ctx, [User("Can you make it more casual?"), .. ToolRound(call.Name, call.Arguments!, ToolResult.Done("Saved.", new ProfileUpdatedData(["tone", "bio"])), call.CallId)]);
        phrased.Text().ShouldContain("more casual tone");
        phrased.Preview()!.Type.ShouldBe("bio");
    }

    [Theory]
    [InlineData("I was thinking £12.99", "12.99", "GBP")]
    [InlineData("9.99 a month", "9.99", "GBP")]
    [InlineData("€15", "15", "EUR")]
    [InlineData("$20/mo", "20", "USD")]
    [InlineData("twelve pounds", "12", "GBP")]
    [InlineData("12 quid", "12", "GBP")]
    [InlineData("15 euros", "15", "EUR")]
    [InlineData("14.99", "14.99", "GBP")]
    public async Task Scenario_4_a_free_text_price_sets_the_price(string text, string amount, string currency)
    {
        var call = (await Respond(Context(Fitness().Build(), OnboardingPhase.Pricing), User(text))).Call();

        call.Name.ShouldBe(ToolNames.SetSubscriptionPrice);
        call.Arg("amount").ShouldBe(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        call.Arg("currency").ShouldBe(currency);
    }

    [Fact]
    public async Task Scenario_4_the_price_is_acknowledged_from_the_tool_data()
    {
        var price = new StorePriceView("GBP", 12.99m, "£12.99/month");
        var ctx = Context(Fitness().WithPrice(12.99m).Build(), OnboardingPhase.Launch, OnboardingPhase.Pricing);
        var messages = new List<ChatMessage> { User("I was thinking £12.99") };
        messages.AddRange(ToolRound(ToolNames.SetSubscriptionPrice, Args(("amount", 12.99m), ("currency", "GBP")), ToolResult.Done("Set.", new PriceSetData(price))));
        messages.Add(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call_2", ToolNames.GenerateShareContent, Args())]));
        messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_2", ToolResult.Refused("The share writer is resting."))]));

        var phrased = await Respond(ctx, [.. messages]);

        phrased.Text().ShouldStartWith("Done! Your price is £12.99/month.");
        phrased.Calls().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_tool_becomes_a_clarification_and_never_a_success()
    {
        var ctx = Context(Fitness().Build(), OnboardingPhase.Pricing);
        var messages = new List<ChatMessage> { User("£5000") };
        messages.AddRange(ToolRound(ToolNames.SetSubscriptionPrice, Args(("amount", 5000m), ("currency", "GBP")), ToolResult.Refused("The price can be at most 1000.00 a month.")));

        var next = await Respond(ctx, [.. messages]);
        next.Call().Name.ShouldBe(ToolNames.GetNicheBenchmarks);

        messages.AddRange(ToolRound(ToolNames.GetNicheBenchmarks, Args(("niche", "fitness")), ToolResult.Done("Benchmarks.", new NicheBenchmarkData("fitness", 3, 9.99m, 14.99m, 19.99m, 10, "GBP")), "call_2"));
        var phrased = await Respond(ctx, [.. messages]);

        phrased.Text().ShouldStartWith("Hmm, I couldn't set that price — the price can be at most 1000.00 a month.");
        phrased.Text().ShouldNotContain("Done");
        phrased.Text().ShouldContain("What would you like to charge?");
        phrased.Buttons().ShouldContain(b => b.Action == "set_price");
    }

    [Fact]
    public async Task Scenario_5_a_feature_question_is_answered_and_the_flow_resumes()
    {
        var response = await Respond(Context(Fitness().Build(), OnboardingPhase.ContentImport), User("How do live sessions work?"));

        response.Text().ShouldStartWith("Live sessions are");
        response.Text().ShouldContain("Want me to write 3 starter blogs about powerlifting?");
        response.Buttons()[0].Action.ShouldBe("write_blogs");
        response.Intent().ShouldBe("feature_question");
    }

    [Fact]
    public async Task Scenario_5_in_pricing_the_answer_survives_the_benchmarks_round()
    {
        var ctx = Context(Fitness().Build(), OnboardingPhase.Pricing);
        var first = await Respond(ctx, User("how do payments work?"));
        first.Call().Name.ShouldBe(ToolNames.GetNicheBenchmarks);

        var phrased = await Respond(ctx, [User("how do payments work?"), .. ToolRound(ToolNames.GetNicheBenchmarks, Args(("niche", "fitness")), ToolResult.Done("Benchmarks.", new NicheBenchmarkData("fitness", 3, 9.99m, 14.99m, 19.99m, 10, "GBP")))]);
        phrased.Text().ShouldStartWith("Payments go through Stripe");
        phrased.Text().ShouldContain("Coaches in fitness on CreatorOS charge £9.99–£19.99");
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("")]
    public async Task Scenarios_7_and_17_hi_or_nothing_gets_the_current_question(string text)
    {
        var response = await Respond(Context(Fitness().Build(), OnboardingPhase.ContentImport), User(text));

        response.Text().ShouldContain("Want me to write 3 starter blogs about powerlifting?");
        response.Calls().ShouldBeEmpty();
        response.Understood().ShouldBeTrue();
        if (text == "hi")
        {
            response.Text().ShouldStartWith("H");
            response.Text().ShouldContain("Sam");
        }
    }

    [Fact]
    public async Task Scenario_9_regenerate_calls_the_blog_writer_again()
    {
        var call = (await Respond(Context(Fitness().Build(), OnboardingPhase.Complete), User("can you write different ones?"))).Call();

        call.Name.ShouldBe(ToolNames.GenerateBlogPosts);
        call.Arg("count").ShouldBe(3);
    }

    [Fact]
    public async Task Scenario_11_confusion_gets_one_sentence_one_action_and_a_skip()
    {
        var response = await Respond(Context(Fitness().Build(), OnboardingPhase.SocialConnect), User("this is confusing"));

        response.Calls().ShouldBeEmpty();
        response.Text().ShouldStartWith("No worries — let's keep it simple.");
        response.Text().Length.ShouldBeLessThan(160);
        response.Buttons().ShouldHaveSingleItem().Action.ShouldBe("skip");
    }

    [Fact]
    public async Task Scenario_12_competitor_questions_are_redirected_to_creatoros_benchmarks()
    {
        var ctx = Context(Fitness().WithPrice(12.99m).Shared().Build(), OnboardingPhase.Complete);
        var first = await Respond(ctx, User("What do Patreon coaches charge?"));
        var call = first.Call();
        call.Name.ShouldBe(ToolNames.GetNicheBenchmarks);

        var phrased = await Respond(ctx, [User("What do Patreon coaches charge?"), .. ToolRound(call.Name, call.Arguments!, ToolResult.Done("Benchmarks.", new NicheBenchmarkData("fitness", 5, 8m, 14.5m, 29.99m, 20, "GBP")), call.CallId)]);
        phrased.Text().ShouldStartWith("I'm not sure about Patreon, but here's what CreatorOS coaches charge:");
        phrased.Text().ShouldContain("£8.00–£29.99 a month, £14.50 on average");
    }

    [Fact]
    public async Task Scenario_14_template_requests_apply_a_variant_or_offer_the_niche_family()
    {
        var ctx = Context(Fitness().Build(), OnboardingPhase.Pricing);
        var minimal = (await Respond(ctx, User("Can you try something more minimal?"))).Call();
        minimal.Name.ShouldBe(ToolNames.ApplyStoreTemplate);
        minimal.Arguments.ShouldBe(new Dictionary<string, object?> { ["variant"] = "minimal" });

        var different = await Respond(ctx, User("can I see a different template?"));
        different.Calls().ShouldBeEmpty();
        different.Buttons().Select(b => b.Label).ShouldBe(["Bold (current)", "Minimal", "Dark"]);
        different.Buttons()[1].Value.ShouldBe("fitness_minimal");

        var phrased = await Respond(ctx, [User("Can you try something more minimal?"), .. ToolRound(minimal.Name, minimal.Arguments!, ToolResult.Done("Applied.", new TemplateAppliedData("fitness_minimal", "Fitness Minimal", ["bold", "minimal", "dark"])), minimal.CallId)]);
        phrased.Text().ShouldBe("Done! Switched to Fitness Minimal. Better?");
        phrased.Buttons().Select(b => b.Label).ShouldBe(["Love it ✅", "Try bold", "Try dark"]);
    }

    [Fact]
    public async Task Scenario_15_how_am_i_doing_reads_the_analytics_then_phrases_them()
    {
        var ctx = Context(Fitness().WithPrice(12.99m).Shared().WithSubscribers(4).Build(), OnboardingPhase.Complete);
        var call = (await Respond(ctx, User("how am I doing?"))).Call();
        call.Name.ShouldBe(ToolNames.GetStoreAnalytics);
        call.Arguments!.ShouldBeEmpty();

        var stats = new StoreAnalyticsData(3, 1, 4, 51.96m, "GBP", 0, 4);
        var phrased = await Respond(ctx, [User("how am I doing?"), .. ToolRound(call.Name, call.Arguments!, ToolResult.Done("Stats.", stats), call.CallId)]);

        phrased.Text().ShouldContain("4 subscribers");
        phrased.Text().ShouldContain("3 published blogs (+1 draft)");
        phrased.Text().ShouldContain("£51.96 a month");
        phrased.Text().ShouldContain("4/5");
        phrased.Preview()!.Type.ShouldBe("analytics");
    }

    [Fact]
    public async Task Scenario_16_a_blog_on_a_named_topic_at_any_phase()
    {
        var call = (await Respond(Context(Fitness().Build(), OnboardingPhase.Pricing), User("Write a blog about meal prep"))).Call();

        call.Name.ShouldBe(ToolNames.GenerateBlogPosts);
        call.Arguments.ShouldBe(new Dictionary<string, object?> { ["count"] = 1, ["custom_topic"] = "meal prep" });
    }

    [Fact]
    public async Task A_blog_without_a_topic_asks_for_one_and_remembers_that()
    {
        var ctx = Context(Fitness().Build(), OnboardingPhase.Complete);
        var ask = await Respond(ctx, User("write a blog"));
        ask.Text().ShouldBe("Sure! What should the blog be about?");
        ask.Remember()[FactKeys.Awaiting].ShouldBe("blog_topic");

        var answered = await Respond(Context(Fitness().Build(), OnboardingPhase.Complete, facts: new Dictionary<string, string> { [FactKeys.Awaiting] = "blog_topic" }), User("winter running"));
        answered.Call().Arg("custom_topic").ShouldBe("winter running");
        answered.Remember()[FactKeys.Awaiting].ShouldBeNull();
    }

    [Fact]
    public async Task Scenario_19_deleting_a_blog_asks_first_then_deletes_on_confirmation()
    {
        var store = Fitness().WithBlog("Meal prep made simple", Now.AddDays(-3)).WithBlog("Recovery basics", Now.AddDays(-1)).Build();
        var mealPrep = store.Blogs[0];

        var ask = await Respond(Context(store, OnboardingPhase.Complete), User("delete the meal prep blog"));
        ask.Calls().ShouldBeEmpty();
        ask.Text().ShouldBe("Delete “Meal prep made simple”? This can't be undone.");
        ask.Remember()[FactKeys.PendingDeleteBlogId].ShouldBe(mealPrep.Id.ToString());
        ask.Buttons().Select(b => b.Label).ShouldBe(["Yes, delete it", "Keep it"]);

        var facts = new Dictionary<string, string> { [FactKeys.PendingDeleteBlogId] = mealPrep.Id.ToString() };
        var confirmed = await Respond(Context(store, OnboardingPhase.Complete, facts: facts), User("yes"));
        var call = confirmed.Call();
        call.Name.ShouldBe(ToolNames.DeleteBlogPost);
        call.Arguments.ShouldBe(new Dictionary<string, object?> { ["blog_id"] = mealPrep.Id.ToString(), ["confirmed"] = true });
        confirmed.Remember().ContainsKey(FactKeys.PendingDeleteBlogId).ShouldBeTrue();
        confirmed.Remember()[FactKeys.PendingDeleteBlogId].ShouldBeNull();

        var phrased = await Respond(Context(store, OnboardingPhase.Complete, facts: facts), [User("yes"), .. ToolRound(call.Name, call.Arguments!, ToolResult.Done("Deleted.", new BlogDeletedData(mealPrep.Id, mealPrep.Title)), call.CallId)]);
        phrased.Text().ShouldStartWith("Deleted “Meal prep made simple”.");

        var latest = await Respond(Context(store, OnboardingPhase.Complete), User("delete that blog"));
        latest.Text().ShouldContain("Recovery basics");

        var kept = await Respond(Context(store, OnboardingPhase.Complete, facts: facts), User("no"));
        kept.Calls().ShouldBeEmpty();
        kept.Text().ShouldStartWith("Okay, I'll keep it.");
        kept.Remember()[FactKeys.PendingDeleteBlogId].ShouldBeNull();
    }

    [Fact]
    public async Task Scenario_18_a_very_long_message_is_understood_and_answered_briefly()
    {
        var text = "Hi Avery! Can you write a blog about meal prep? So I have been thinking about this for a long time and " + string.Join(' ', Enumerable.Repeat("my clients keep telling me they love the sessions", 25));
        text.Length.ShouldBeGreaterThan(1200);

        var response = await Respond(Context(Fitness().Build(), OnboardingPhase.ContentImport), User(text));

        response.Understood().ShouldBeTrue();
        response.Call().Arg("custom_topic").ShouldBe("meal prep");

        var rambling = await Respond(Context(Fitness().Build(), OnboardingPhase.ContentImport), User(string.Join(' ', Enumerable.Repeat("my clients keep telling me they love the sessions", 30))));
        rambling.Text().Length.ShouldBeLessThan(300);
    }

    [Fact]
    public async Task Unrecognised_input_is_marked_and_the_question_re_asked_then_skip_is_offered_after_a_streak()
    {
        var first = await Respond(Context(Fitness().Build(), OnboardingPhase.SocialConnect), User("purple monkey dishwasher"));
        first.Understood().ShouldBeFalse();
        first.Text().ShouldContain("Connect a social account");

        var streak = new Dictionary<string, string> { [FactKeys.MisunderstoodStreak] = "2" };
        var third = await Respond(Context(Fitness().Build(), OnboardingPhase.SocialConnect, facts: streak), User("purple monkey dishwasher"));
        third.Text().ShouldBe("Hmm, let me try a different approach. Want to skip this step?");
        third.Buttons()[0].Action.ShouldBe("skip");
    }

    [Fact]
    public async Task Skip_in_any_phase_calls_skip_step()
    {
        (await Respond(Context(Fitness().Build(), OnboardingPhase.ContentImport), User("not now"))).Call().Name.ShouldBe(ToolNames.SkipStep);
        (await Respond(Context(Fitness().Build(), OnboardingPhase.Launch), User("skip this"))).Call().Name.ShouldBe(ToolNames.SkipStep);
    }

    [Fact]
    public async Task Yes_and_no_map_to_the_phase_actions()
    {
        (await Respond(Context(Fitness().Build(), OnboardingPhase.ContentImport), User("sounds good"))).Call().Name.ShouldBe(ToolNames.GenerateBlogPosts);
        (await Respond(Context(Fitness().Build(), OnboardingPhase.ContentImport), User("nope"))).Call().Name.ShouldBe(ToolNames.SkipStep);
    }

    [Fact]
    public async Task The_same_input_gives_the_same_output_and_streaming_matches()
    {
        var ctx = Context(Fitness().Build(), OnboardingPhase.ContentImport);
        var a = await Respond(ctx, User("hi"));
        var b = await Respond(ctx, User("hi"));
        a.Text().ShouldBe(b.Text());

        using var brain = new OfflineBrain(TimeProvider.System);
        var options = new ChatOptions { AdditionalProperties = new() { [BrainKeys.Context] = ctx } };
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in brain.GetStreamingResponseAsync([User("hi")], options))
        {
            updates.Add(update);
        }

        updates.Count.ShouldBeGreaterThan(3);
        string.Concat(updates.Select(u => u.Text)).ShouldBe(a.Text());
        updates[^1].AdditionalProperties![BrainKeys.Buttons].ShouldBeAssignableTo<IReadOnlyList<AveryButton>>()!.Count.ShouldBe(2);

        var calls = new List<ChatResponseUpdate>();
        await foreach (var update in brain.GetStreamingResponseAsync([User("Write a blog about meal prep")], options))
        {
            calls.Add(update);
        }

        calls.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem().Name.ShouldBe(ToolNames.GenerateBlogPosts);
    }

    [Fact]
    public async Task Every_phrase_renders_without_leftover_placeholders()
    {
        var ctx = Context(Fitness().Build(), OnboardingPhase.Pricing);
        var situation = new Situation(ctx, [], true, 1);
        foreach (var key in PhraseCatalogue.Templates.Keys)
        {
            situation.Say(key, ("title", "T"), ("count", "2"), ("titles", "“A” and “B”"), ("price", "£1.00/month"), ("platform", "Instagram"), ("template", "Fitness Bold"),
                ("min", "£1"), ("max", "£2"), ("avg", "£1.50"), ("low", "£1"), ("high", "£2"), ("competitor", "Patreon"), ("problem", "no."), ("tone", "casual"),
                ("subscribers", "1 subscriber"), ("blogs", "1 blog"), ("revenue", "£1"), ("live", "0 sessions"), ("done", "1"), ("tip", "x"), ("next", "x"),
                ("when", "Friday"), ("example", "x"), ("published", "1 blog"), ("missing", "2"), ("posts", "x"), ("specialty", "yoga"))
                .ShouldNotContain("{", customMessage: key);
        }

        await Task.CompletedTask;
    }
}
