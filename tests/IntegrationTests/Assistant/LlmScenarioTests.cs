namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>
/// The 20 scenarios of spec Ticket 2.3 on the LLM path: the production adapter, router, engine and
/// tools against a loopback provider answering like a model (<see cref="ScriptedModel"/>), once per
/// provider wire format (OpenAI-compatible, Anthropic). Every turn is checked against PROTOCOL.md's
/// turn order (<see cref="TurnOrder"/>), with the default <c>Ai:StreamModelWords=false</c>.
/// </summary>
public abstract class LlmScenarioTests(string provider)
{
    private async Task<(LlmAvery Llm, AveryClient Chat)> StartAsync()
    {
        var llm = await LlmAvery.StartAsync(new Dictionary<string, string?> { ["Assistant:ModeChangeDelay"] = "00:00:00.200" }, provider);
        llm.Model.Responder = ScriptedModel.Answer;
        var chat = await llm.OpenChatAsync();
        chat.EveryTurn = TurnOrder.Assert;
        return (llm, chat);
    }

    /// <summary>Sam, a yoga coach, past discovery and socials, in content_import.</summary>
    private async Task<(LlmAvery Llm, AveryClient Chat)> YogaCoachAsync()
    {
        var (llm, chat) = await StartAsync();
        await chat.SayAsync("my name is Sam");
        await chat.SayAsync("I teach yoga");
        (await chat.SayAsync("skip that please")).Phase.ShouldBe("content_import");
        return (llm, chat);
    }

    [Fact]
    public async Task Scenarios_1_and_20_the_whole_flow_on_the_model_ends_in_the_celebration()
    {
        var (llm, chat) = await StartAsync();
        await using var _ = llm;
        await using var __ = chat;

        (await chat.SayAsync("my name is Jonh")).Phase.ShouldBe("discovery");
        (await chat.SayAsync("I teach yoga")).Phase.ShouldBe("social_connect");
        (await chat.SayAsync("skip socials")).Phase.ShouldBe("content_import");
        var blogs = await chat.SayAsync("write my blogs");
        blogs.ToolsRun.ShouldBe(["generate_blog_posts"]);
        blogs.Phase.ShouldBe("profile_setup");
        (await chat.SayAsync("make it casual")).ToolsRun.ShouldBe(["update_coach_profile"]);
        var url = await OnboardingJourneyTests.UploadPhotoAsync(llm.Avery);
        await chat.SendAsync("photo_uploaded", new { url });
        (await chat.TurnAsync()).Phase.ShouldBe("pricing");
        (await chat.SayAsync("£12.99 sounds right")).Phase.ShouldBe("launch");
        (await chat.SayAsync("share it")).Phase.ShouldBe("next_steps");
        var live = await chat.SayAsync("schedule a live session");

        live.Phase.ShouldBe("complete");
        live.End.Payload.GetProperty("progressPct").GetInt32().ShouldBe(100);
        var celebration = live.Frames.FirstOrDefault(f => f.Type == "celebration") ?? await chat.NextOfTypeAsync("celebration");
        celebration.Text("badge").ShouldBe("Launch Champion");
        var store = await llm.Avery.StoreAsync();
        store.Profile.PreferredName.ShouldBe("Jonh");
        store.Profile.PhotoUrl.ShouldBe(url);
        store.Blogs.Count.ShouldBe(3);
        store.Blogs.ShouldAllBe(b => b.Title.StartsWith("Model: "));
        store.IsShared.ShouldBeTrue();
        store.LiveSessions.Count.ShouldBe(1);
        var turns = llm.Model.Requests.Where(r => r.System.Contains("You are Avery")).ToList();
        turns.ShouldNotBeEmpty();
        turns.ShouldAllBe(r => r.ToolNames.Count == 16);
    }

    [Fact]
    public async Task Scenario_2_skipping_social_gives_blogs_from_the_niche()
    {
        var (llm, chat) = await YogaCoachAsync();
        await using var _ = llm;
        await using var __ = chat;

        var blogs = await chat.SayAsync("write my blogs");

        blogs.ToolsRun.ShouldBe(["generate_blog_posts"]);
        (await llm.Avery.StoreAsync()).Blogs.Count.ShouldBe(3);
        var writes = llm.Model.Requests.Where(r => r.WantsJson).ToList();
        writes.Count.ShouldBe(3);
        writes.ShouldAllBe(r => r.LastUser!.Contains("Niche: wellness"));
    }

    [Fact]
    public async Task Scenario_3_make_it_more_casual_rewrites_the_bio()
    {
        var (llm, chat) = await YogaCoachAsync();
        await using var _ = llm;
        await using var __ = chat;

        var turn = await chat.SayAsync("Can you make it more casual?");

        turn.ToolsRun.ShouldBe(["update_coach_profile"]);
        var profile = (await llm.Avery.StoreAsync()).Profile;
        profile.Tone.ShouldBe("casual");
        profile.Bio!.ShouldStartWith("Hey, I'm Sam!");
    }

    [Fact]
    public async Task Scenario_4_a_price_in_free_text_is_set()
    {
        var (llm, chat) = await StartAsync();
        await using var _ = llm;
        await using var __ = chat;

        var turn = await chat.SayAsync("I was thinking £12.99");

        turn.ToolsRun.ShouldBe(["set_subscription_price"]);
        (await llm.Avery.StoreAsync()).Price!.Amount.ShouldBe(12.99m);
    }

    [Fact]
    public async Task Scenario_5_a_mid_flow_question_is_answered_and_the_phase_stays()
    {
        var (llm, chat) = await YogaCoachAsync();
        await using var _ = llm;
        await using var __ = chat;

        var turn = await chat.SayAsync("How do live sessions work?");

        turn.ToolsRun.ShouldBeEmpty();
        turn.Reply.ShouldContain("Live sessions are video classes");
        turn.Phase.ShouldBe("content_import");
        turn.End.Buttons().ShouldContain(b => b.GetProperty("action").GetString() == "write_blogs", "the phase's one-click answers stay under a model's reply");
    }

    [Fact]
    public async Task Scenario_6_resuming_greets_without_a_model_call()
    {
        var (llm, chat) = await YogaCoachAsync();
        await using var _ = llm;
        await chat.DisposeAsync();
        var calls = llm.Model.ChatRequests;

        var (again, welcomeBack) = await llm.Avery.OpenChatAsync();
        await using var __ = again;

        welcomeBack.Text("content")!.ShouldContain("Welcome back");
        llm.Model.ChatRequests.ShouldBe(calls);
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("")]
    public async Task Scenarios_7_and_17_hi_gets_a_contextual_answer_and_nothing_gets_the_question_again(string message)
    {
        var (llm, chat) = await StartAsync();
        await using var _ = llm;
        await using var __ = chat;

        var turn = await chat.SayAsync(message);

        turn.Reply.ShouldNotBeNullOrWhiteSpace();
        turn.Phase.ShouldBe("discovery");
        llm.Model.ChatRequests.ShouldBe(message.Length == 0 ? 0 : 1);
    }

    [Fact]
    public async Task Scenario_8_a_niche_in_free_text_is_classified()
    {
        var (llm, chat) = await StartAsync();
        await using var _ = llm;
        await using var __ = chat;
        await chat.SayAsync("my name is Sam");

        await chat.SayAsync("I teach yoga");

        var profile = (await llm.Avery.StoreAsync()).Profile;
        profile.Niche.ShouldBe("wellness");
        profile.Specialty.ShouldBe("yoga");
    }

    [Fact]
    public async Task Scenarios_9_and_16_blogs_are_regenerated_and_written_on_a_topic()
    {
        var (llm, chat) = await YogaCoachAsync();
        await using var _ = llm;
        await using var __ = chat;
        await chat.SayAsync("write my blogs");

        (await chat.SayAsync("new blogs please")).ToolsRun.ShouldBe(["generate_blog_posts"]);
        var topic = await chat.SayAsync("write a blog about morning stretches");

        topic.ToolsRun.ShouldBe(["generate_blog_posts"]);
        var blogs = (await llm.Avery.StoreAsync()).Blogs;
        blogs.Count.ShouldBe(7);
        llm.Model.Requests.ShouldContain(r => r.LastUser != null && r.LastUser.Contains("Topic: morning stretches"));
    }

    [Fact]
    public async Task Scenario_10_a_name_with_a_typo_is_kept_as_typed()
    {
        var (llm, chat) = await StartAsync();
        await using var _ = llm;
        await using var __ = chat;

        await chat.SayAsync("call me Jonh");

        (await llm.Avery.StoreAsync()).Profile.PreferredName.ShouldBe("Jonh");
    }

    [Fact]
    public async Task Scenario_11_confusion_gets_a_simpler_step_and_a_way_out()
    {
        var (llm, chat) = await YogaCoachAsync();
        await using var _ = llm;
        await using var __ = chat;

        var turn = await chat.SayAsync("this is confusing");

        turn.Reply.ShouldContain("skip");
        turn.End.Buttons().ShouldContain(b => b.GetProperty("variant").GetString() == "skip");
    }

    [Fact]
    public async Task Scenario_12_competitor_pricing_goes_to_our_benchmarks()
    {
        var (llm, chat) = await YogaCoachAsync();
        await using var _ = llm;
        await using var __ = chat;

        var turn = await chat.SayAsync("what do competitors charge?");

        turn.ToolsRun.ShouldBe(["get_niche_benchmarks"]);
        llm.Model.Requests[^1].ToolResults.Single().ShouldContain("wellness");
    }

    [Fact]
    public async Task Scenario_13_a_failed_connection_offers_retry_or_skip()
    {
        var (llm, chat) = await StartAsync();
        await using var _ = llm;
        await using var __ = chat;

        await chat.SendAsync("oauth_complete", new { platform = "instagram", ok = false });
        var turn = await chat.TurnAsync();

        turn.Reply.ShouldContain("try again");
        llm.Model.Requests[^1].LastUser.ShouldBe("(Connecting instagram did not work.)");
    }

    [Fact]
    public async Task Scenario_14_a_template_request_applies_a_variant_of_the_niche()
    {
        var (llm, chat) = await YogaCoachAsync();
        await using var _ = llm;
        await using var __ = chat;

        var turn = await chat.SayAsync("something with a nature feel please");

        turn.ToolsRun.ShouldBe(["apply_store_template"]);
        turn.Frames.ShouldContain(f => f.Type == "store_preview_update");
        (await llm.Avery.StoreAsync()).Theme.TemplateId.ShouldBe("wellness_nature");
    }

    [Fact]
    public async Task Scenario_15_how_am_i_doing_reads_the_analytics()
    {
        var (llm, chat) = await YogaCoachAsync();
        await using var _ = llm;
        await using var __ = chat;

        var turn = await chat.SayAsync("how am I doing?");

        turn.ToolsRun.ShouldBe(["get_store_analytics"]);
        turn.Reply.ShouldStartWith("Done: ");
    }

    [Fact]
    public async Task Scenario_18_a_very_long_message_is_understood_and_answered_concisely()
    {
        var (llm, chat) = await StartAsync();
        await using var _ = llm;
        await using var __ = chat;
        await chat.SayAsync("my name is Sam");
        var story = "So, about me: " + string.Join(' ', Enumerable.Repeat("I have coached strength for busy parents for years and love it.", 12));

        var turn = await chat.SayAsync(story);

        turn.ToolsRun.ShouldBe(["update_coach_profile"]);
        (await llm.Avery.StoreAsync()).Profile.Niche.ShouldBe("fitness");
        turn.Reply.Length.ShouldBeLessThan(300);
    }

    [Fact]
    public async Task Scenario_19_deleting_a_blog_asks_first_then_deletes()
    {
        var (llm, chat) = await YogaCoachAsync();
        await using var _ = llm;
        await using var __ = chat;
        await chat.SayAsync("write a blog about morning stretches");
        var blog = (await llm.Avery.StoreAsync()).Blogs.Single();

        var ask = await chat.SayAsync("delete that blog");
        ask.ToolsRun.ShouldBeEmpty();
        ask.Reply.ShouldContain(blog.Title);
        (await llm.Avery.StoreAsync()).Blogs.Count.ShouldBe(1);

        var done = await chat.SayAsync("yes, delete it");

        done.ToolsRun.ShouldBe(["delete_blog_post"]);
        (await llm.Avery.StoreAsync()).Blogs.ShouldBeEmpty();
    }
}

public sealed class OpenAiLlmScenarioTests() : LlmScenarioTests("openai");

public sealed class AnthropicLlmScenarioTests() : LlmScenarioTests("anthropic");
