using CreatorOS.Contracts.Storefront;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>The scenarios of spec Ticket 2.3 that need no AI model, each over a real socket.</summary>
public sealed class ConversationScenarioTests
{
    /// <summary>A coach named Sam with a fitness store, past discovery, chatting.</summary>
    private static async Task<(LiveAvery Avery, AveryClient Chat)> FitnessCoachAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var avery = await LiveAvery.StartAsync(settings: settings);
        await avery.SignUpAsync();
        var (chat, _) = await avery.OpenChatAsync();
        chat.EveryTurn = TurnOrder.Assert;
        await chat.SayAsync("Sam");
        await chat.SayAsync("I'm a strength coach for busy parents");
        return (avery, chat);
    }

    private static async Task<TurnFrames> SkipToAsync(AveryClient chat, string phase)
    {
        for (var i = 0; i < 6; i++)
        {
            var turn = await chat.SayAsync("skip");
            if (turn.Phase == phase)
            {
                return turn;
            }
        }

        throw new InvalidOperationException($"Never reached {phase}.");
    }

    [Fact]
    public async Task Scenario_3_make_it_more_casual_rewrites_the_bio_in_that_tone()
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await using var __ = chat;
        await chat.SayAsync("make it more professional");
        var before = (await avery.StoreAsync()).Profile;

        var turn = await chat.SayAsync("Can you make it more casual?");

        turn.ToolsRun.ShouldContain("update_coach_profile");
        var after = (await avery.StoreAsync()).Profile;
        after.Tone.ShouldBe("casual");
        after.Bio.ShouldNotBe(before.Bio);
        turn.Frames.ShouldContain(f => f.Type == "store_preview_update" && f.Payload.GetProperty("changedFields").EnumerateArray().Any(c => c.GetString() == "hero"));
    }

    [Theory]
    [InlineData("I was thinking £12.99", 12.99, "GBP")]
    [InlineData("9.99 a month", 9.99, "GBP")]
    [InlineData("€15", 15, "EUR")]
    [InlineData("twelve pounds", 12, "GBP")]
    public async Task Scenario_4_a_price_in_any_common_form_is_set(string message, decimal amount, string currency)
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await using var __ = chat;

        var turn = await chat.SayAsync(message);

        turn.ToolsRun.ShouldContain("set_subscription_price");
        var price = (await avery.StoreAsync()).Price!;
        price.Amount.ShouldBe(amount);
        price.Currency.ShouldBe(currency);
    }

    [Fact]
    public async Task Scenario_5_a_question_mid_flow_is_answered_and_the_flow_goes_on()
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await using var __ = chat;

        var turn = await chat.SayAsync("How do live sessions work?");

        turn.Reply.ShouldContain("live", Case.Insensitive);
        turn.Phase.ShouldBe("social_connect");
        turn.End.Buttons().ShouldNotBeEmpty();
        (await avery.StoreAsync()).LiveSessions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("")]
    public async Task Scenarios_7_and_17_hi_or_nothing_gets_the_current_question_again(string message)
    {
        await using var avery = await LiveAvery.StartAsync();
        await avery.SignUpAsync();
        var (chat, greeting) = await avery.OpenChatAsync();
        await using var _ = chat;

        var turn = await chat.SayAsync(message);

        turn.Phase.ShouldBe("discovery");
        turn.Reply.ShouldNotBeNullOrWhiteSpace();
        turn.ToolsRun.ShouldBeEmpty();
        (await avery.StoreAsync()).Profile.PreferredName.ShouldBeNull();
        greeting.Text("content")!.ShouldContain("call you");
    }

    [Theory]
    [InlineData("I teach yoga", "wellness")]
    [InlineData("I'm a powerlifting coach", "fitness")]
    [InlineData("I help founders scale", "business")]
    public async Task Scenario_8_a_niche_in_free_text_is_classified(string message, string niche)
    {
        await using var avery = await LiveAvery.StartAsync();
        await avery.SignUpAsync();
        var (chat, _) = await avery.OpenChatAsync();
        await using var __ = chat;
        await chat.SayAsync("call me Alex");

        await chat.SayAsync(message);

        var store = await avery.StoreAsync();
        store.Profile.PreferredName.ShouldBe("Alex");
        store.Profile.Niche.ShouldBe(niche);
    }

    [Fact]
    public async Task Scenario_9_and_16_blogs_are_regenerated_and_written_on_request()
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await using var __ = chat;
        await SkipToAsync(chat, "content_import");
        await chat.SayAsync("yes, write my blogs");
        var firstTitles = (await avery.StoreAsync()).Blogs.Select(b => b.Title).ToList();
        firstTitles.Count.ShouldBe(3);

        var again = await chat.SayAsync("can you write different ones?");
        var custom = await chat.SayAsync("write a blog about meal prep");

        again.ToolsRun.ShouldContain("generate_blog_posts");
        custom.ToolsRun.ShouldContain("generate_blog_posts");
        var blogs = (await avery.StoreAsync()).Blogs;
        blogs.Count.ShouldBe(7);
        blogs.Select(b => b.Title).Distinct().Count().ShouldBe(7);
        blogs.ShouldContain(b => b.Title.Contains("meal prep", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Scenario_10_a_name_is_used_exactly_as_typed()
    {
        await using var avery = await LiveAvery.StartAsync();
        await avery.SignUpAsync();
        var (chat, _) = await avery.OpenChatAsync();
        await using var __ = chat;

        var turn = await chat.SayAsync("it's jonh");

        (await avery.StoreAsync()).Profile.PreferredName.ShouldBe("jonh");
        turn.Reply.ShouldContain("jonh");
    }

    [Fact]
    public async Task Scenario_11_confusion_gets_a_simpler_step_and_a_way_out()
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await using var __ = chat;

        var turn = await chat.SayAsync("this is confusing");

        turn.End.Buttons().ShouldContain(b => b.GetProperty("action").GetString() == "skip" || b.GetProperty("variant").GetString() == "skip");
        turn.Reply.Length.ShouldBeLessThan(400);
    }

    [Fact]
    public async Task Scenario_12_competitor_pricing_is_redirected_to_our_benchmarks()
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await using var __ = chat;

        var turn = await chat.SayAsync("what do coaches on Patreon charge?");

        turn.Reply.ShouldContain("Patreon");
        turn.ToolsRun.ShouldContain("get_niche_benchmarks");
    }

    [Fact]
    public async Task Scenario_13_a_failed_connection_offers_retry_or_skip()
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await using var __ = chat;

        await chat.SendAsync("oauth_complete", new { platform = "instagram", ok = false });
        var turn = await chat.TurnAsync();

        turn.Reply.ShouldContain("didn't go through");
        turn.End.Buttons().ShouldContain(b => b.GetProperty("variant").GetString() == "skip");
    }

    [Fact]
    public async Task Scenario_14_something_more_minimal_switches_to_the_minimal_variant()
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await using var __ = chat;

        var turn = await chat.SayAsync("Can you try something more minimal?");

        turn.ToolsRun.ShouldContain("apply_store_template");
        (await avery.StoreAsync()).Theme.TemplateId.ShouldBe("fitness_minimal");
        turn.Frames.ShouldContain(f => f.Type == "store_preview_update" && f.Payload.GetProperty("changedFields")[0].GetString() == "theme");
    }

    [Fact]
    public async Task Scenario_15_how_am_I_doing_reads_the_store_analytics()
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await using var __ = chat;

        var turn = await chat.SayAsync("how am I doing?");

        turn.ToolsRun.ShouldBe(["get_store_analytics"]);
        turn.Reply.ShouldContain("subscriber", Case.Insensitive);
    }

    [Fact]
    public async Task Scenario_18_a_very_long_message_gets_a_concise_answer()
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await using var __ = chat;

        var turn = await chat.SayAsync(string.Join(' ', Enumerable.Repeat("I have been coaching for years and I love it.", 40)) + " I was thinking £14.99");

        turn.Reply.Length.ShouldBeLessThan(600);
        turn.Error.ShouldBeNull();
    }

    [Fact]
    public async Task Scenario_19_deleting_a_blog_asks_first_then_deletes()
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await using var __ = chat;
        await chat.SayAsync("write a blog about meal prep");
        var blog = (await avery.StoreAsync()).Blogs.Single();

        var ask = await chat.SayAsync("delete that blog");
        ask.ToolsRun.ShouldBeEmpty();
        (await avery.StoreAsync()).Blogs.Count.ShouldBe(1);

        var done = await chat.ClickAsync(ask.Button(b => b.GetProperty("action").GetString() == "confirm_delete"));

        done.ToolsRun.ShouldContain("delete_blog_post");
        (await avery.StoreAsync()).Blogs.ShouldBeEmpty();
        done.Frames.ShouldContain(f => f.Type == "store_preview_update");
        blog.Title.ShouldContain("meal prep", Case.Insensitive);
    }

    [Fact]
    public async Task Three_exchanges_Avery_cannot_follow_lead_to_the_offer_of_another_way()
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await using var __ = chat;

        await chat.SayAsync("purple monkey dishwasher");
        await chat.SayAsync("flibber jabber wocky");
        var third = await chat.SayAsync("zzzz qqqq xxxx");

        third.Reply.ShouldBe("Hmm, let me try a different approach. Want to skip this step?");
        third.End.Buttons().ShouldContain(b => b.GetProperty("variant").GetString() == "skip");
    }

    [Fact]
    public async Task Coming_back_after_30_days_gets_the_long_absence_greeting()
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await chat.DisposeAsync();
        await using (var scope = avery.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CreatorOS.Modules.Assistant.Data.AssistantDbContext>();
            foreach (var conversation in db.Conversations)
            {
                conversation.LastInteractionAt = DateTimeOffset.UtcNow.AddDays(-45);
            }

            await db.SaveChangesAsync();
        }

        var (again, greeting) = await avery.OpenChatAsync();
        await using var __ = again;

        greeting.Text("content")!.ShouldContain("been a while");
    }

    [Fact]
    public async Task Tools_only_ever_touch_the_coach_s_own_store()
    {
        var (avery, chat) = await FitnessCoachAsync();
        await using var _ = avery;
        await using var __ = chat;
        Guid otherWorkspace;
        await using (var scope = avery.Host.Services.CreateAsyncScope())
        {
            otherWorkspace = Guid.CreateVersion7();
            await scope.ServiceProvider.GetRequiredService<IStorefront>().OpenAsync(otherWorkspace, "Someone Else", default);
        }

        await chat.SayAsync("I was thinking £19.99");
        await chat.SayAsync("write a blog about sleep");

        await using var check = avery.Host.Services.CreateAsyncScope();
        var other = (await check.ServiceProvider.GetRequiredService<IStorefront>().FindAsync(otherWorkspace, default))!;
        other.Price.ShouldBeNull();
        other.Blogs.ShouldBeEmpty();
        (await avery.StoreAsync()).Price!.Amount.ShouldBe(19.99m);
    }
}
