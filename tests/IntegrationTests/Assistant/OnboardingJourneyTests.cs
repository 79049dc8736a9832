using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CreatorOS.Contracts.Assistant;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>
/// Ticket 2.3 scenario 1 (happy path, social skipped as scenario 2 because social import is not
/// switched on yet) and the restart scenario: the whole onboarding over a real socket, checked
/// against the real store after every step.
/// </summary>
public sealed class OnboardingJourneyTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_coach_goes_from_hello_to_a_launched_store_in_one_conversation(DatabaseProvider provider)
    {
        await using var avery = await LiveAvery.StartAsync(provider, new Dictionary<string, string?> { ["Assistant:ModeChangeDelay"] = "00:00:00.200" });
        await avery.SignUpAsync();
        var (chat, greeting) = await avery.OpenChatAsync();
        await using var _ = chat;
        chat.EveryTurn = TurnOrder.Assert;
        greeting.Text("phase").ShouldBe("discovery");

        (await chat.SayAsync("I'm Jonh")).Phase.ShouldBe("discovery");
        (await avery.StoreAsync()).Profile.PreferredName.ShouldBe("Jonh");

        var niche = await chat.SayAsync("I'm a powerlifting coach");
        niche.ToolsRun.ShouldContain("update_coach_profile");
        niche.Frames.ShouldContain(f => f.Type == "store_preview_update");
        var store = await avery.StoreAsync();
        store.Profile.Niche.ShouldBe("fitness");
        store.Theme.TemplateId.ShouldBe("fitness_bold");
        niche.Phase.ShouldBe("social_connect");

        var social = await chat.ClickAsync(niche.ButtonLabelled("Instagram"));
        social.ToolsRun.ShouldContain("connect_social_account");
        var blogs = await chat.ClickAsync(social.End.Buttons().First(b => b.GetProperty("variant").GetString() == "skip"));
        if (!blogs.ToolsRun.Contains("generate_blog_posts"))
        {
            blogs.Phase.ShouldBe("content_import");
            blogs = await chat.ClickAsync(blogs.Button(b => b.GetProperty("action").GetString() == "write_blogs"));
        }

        blogs.ToolsRun.ShouldContain("generate_blog_posts");
        (await avery.StoreAsync()).Blogs.Count(b => b.Status == "published").ShouldBe(3);
        blogs.Phase.ShouldBe("profile_setup");
        (await avery.StoreAsync()).Profile.Bio.ShouldNotBeNullOrWhiteSpace();

        var url = await UploadPhotoAsync(avery);
        await chat.SendAsync("photo_uploaded", new { url });
        var photo = await chat.TurnAsync();
        photo.ToolsRun.ShouldContain("update_coach_profile");
        (await avery.StoreAsync()).Profile.PhotoUrl.ShouldBe(url);
        photo.Phase.ShouldBe("pricing");

        var price = await chat.SayAsync("I was thinking £12.99");
        price.ToolsRun.ShouldContain("set_subscription_price");
        (await avery.StoreAsync()).Price!.Amount.ShouldBe(12.99m);
        price.Phase.ShouldBe("launch");

        var share = price.End.Buttons().Any(b => b.GetProperty("action").GetString() == "shared")
            ? price
            : await chat.SayAsync("write my share post");
        var shared = await chat.ClickAsync(share.Button(b => b.GetProperty("action").GetString() == "shared"));
        (await avery.StoreAsync()).IsShared.ShouldBeTrue();
        shared.Phase.ShouldBe("next_steps");

        var live = await chat.ClickAsync(shared.Button(b => b.GetProperty("action").GetString() == "schedule_live"));
        live.ToolsRun.ShouldContain("schedule_live_session");
        live.Phase.ShouldBe("complete");
        live.End.Payload.GetProperty("progressPct").GetInt32().ShouldBe(100);
        live.Reply.ShouldContain("You did it, Jonh!");
        var celebration = live.Frames.FirstOrDefault(f => f.Type == "celebration") ?? await chat.NextOfTypeAsync("celebration");
        celebration.Text("badge").ShouldBe("Launch Champion");
        (await chat.NextOfTypeAsync("mode_change")).Text("mode").ShouldBe("minimised");

        var history = JsonDocument.Parse(await avery.Http.GetStringAsync("/avery/messages?limit=200")).RootElement;
        history.GetProperty("onboardingComplete").GetBoolean().ShouldBeTrue();
        history.GetProperty("messages").GetArrayLength().ShouldBeGreaterThan(15);
        await TheDashboardCountsTheConversationAsync(avery, history.GetProperty("messages"));
    }

    /// <summary>Ticket 6.2's daily metrics, read as the dashboard reads them, add up to the conversation just had.</summary>
    private static async Task TheDashboardCountsTheConversationAsync(LiveAvery avery, JsonElement messages)
    {
        int Said(string role) => messages.EnumerateArray().Count(m => m.GetProperty("role").GetString() == role);
        await using var scope = avery.Host.Services.CreateAsyncScope();
        var insights = scope.ServiceProvider.GetRequiredService<IAssistantInsights>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Yesterday too: a test that starts just before midnight UTC spreads over two days.
        var days = await insights.DailyAsync(today.AddDays(-1), today, CancellationToken.None);
        days.Sum(d => d.ConversationsStarted).ShouldBe(1);
        days.Sum(d => d.OnboardingsCompleted).ShouldBe(1);
        days.Sum(d => d.CoachMessages).ShouldBe(Said("coach"));
        days.Sum(d => d.AveryMessages).ShouldBe(Said("avery"));
        days.Sum(d => d.ButtonClicks).ShouldBeGreaterThanOrEqualTo(4, "Instagram, skip, shared and schedule_live were clicked");
        days.Sum(d => d.FreeTextMessages).ShouldBeGreaterThanOrEqualTo(3, "the name, the niche and the price were typed");
        days.Sum(d => d.FunctionsExecuted).ShouldBeGreaterThanOrEqualTo(6);
        days.Sum(d => d.BlogsGenerated).ShouldBeGreaterThanOrEqualTo(1);
        days.Sum(d => d.Skips).ShouldBeGreaterThanOrEqualTo(1);
        days.Sum(d => d.Errors).ShouldBe(0);
        days.Single(d => d.OnboardingsCompleted == 1).AvgOnboardingSeconds.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_onboarding_loses_nothing_and_Avery_picks_up_where_it_was()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var __ = database;
        string phaseBefore;
        int messagesBefore;
        await using (var first = await LiveAvery.StartAsync(database: database))
        {
            await first.SignUpAsync();
            var (chat, _) = await first.OpenChatAsync();
            await chat.SayAsync("Sam");
            phaseBefore = (await chat.SayAsync("I teach yoga")).Phase;
            messagesBefore = JsonDocument.Parse(await first.Http.GetStringAsync("/avery/messages?limit=200")).RootElement.GetProperty("messages").GetArrayLength();
            await chat.DisposeAsync();
        }

        await using var second = await LiveAvery.StartAsync(database: database);
        await second.SignInAsync();
        var (resumed, welcomeBack) = await second.OpenChatAsync();
        await using var ___ = resumed;

        welcomeBack.Text("content")!.ShouldContain("Welcome back");
        welcomeBack.Text("phase").ShouldBe(phaseBefore);
        var store = await second.StoreAsync();
        store.Profile.PreferredName.ShouldBe("Sam");
        store.Profile.Niche.ShouldBe("wellness");
        var history = JsonDocument.Parse(await second.Http.GetStringAsync("/avery/messages?limit=200")).RootElement.GetProperty("messages");
        history.GetArrayLength().ShouldBe(messagesBefore + 1);
    }

    public static async Task<string> UploadPhotoAsync(LiveAvery avery)
    {
        var page = await avery.Http.GetStringAsync("/account");
        using var form = new MultipartFormDataContent();
        var image = new ByteArrayContent(TestImages.Png(200, 200));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "photo", "me.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/avery/photo") { Content = form };
        request.Headers.Add("RequestVerificationToken", FormClient.AntiforgeryToken(page));
        var response = await avery.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!;
    }
}
