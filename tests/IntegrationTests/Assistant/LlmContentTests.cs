using System.Text.Json;
using System.Text.Json.Nodes;
using CreatorOS.FakeProviders;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>Generated content on the LLM path: blogs in JSON mode, and moderation by the provider's endpoint.</summary>
public sealed class LlmContentTests
{
    private static string Post(string title, int words = 320, string heading = "## Start small")
    {
        var sentence = string.Join(' ', Enumerable.Repeat("Move a little every day and notice how your energy changes.", Math.Max(1, words / 22)));
        var body = $"{heading}\n\n{sentence}\n\n## Keep going\n\n{sentence}";
        return new JsonObject { ["title"] = title, ["body"] = body, ["category"] = "Training", ["tags"] = new JsonArray("strength", "habits") }.ToJsonString();
    }

    private static bool AsksForJson(FakeRequest request) =>
        request.Body.TryGetProperty("response_format", out var format) && format.GetProperty("type").GetString() == "json_object";

    [Fact]
    public async Task Blogs_are_written_by_the_generation_model_in_json_mode_in_parallel_and_published()
    {
        await using var llm = await LlmAvery.StartAsync();
        await using var chat = await llm.OpenChatAsync();
        var n = 0;
        llm.Model.Responder = request => AsksForJson(request)
            ? FakeStep.Say(Post($"Strong habits, part {Interlocked.Increment(ref n)}"))
            : request.IsToolRound ? FakeStep.Say("Your three posts are live!") : FakeStep.Call("generate_blog_posts", """{"count":3}""");
        await using (var scope = llm.Avery.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreatorOS.Contracts.Storefront.IStorefront>()
                .UpdateProfileAsync((await llm.Avery.StoreAsync()).WorkspaceId, new("Sam", "fitness", null, null, null, null), default);
        }

        var turn = await chat.SayAsync("write my blogs");

        turn.Reply.ShouldBe("Your three posts are live!");
        var blogs = (await llm.Avery.StoreAsync()).Blogs;
        blogs.Count.ShouldBe(3);
        blogs.ShouldAllBe(b => b.Title.StartsWith("Strong habits, part "));
        blogs.ShouldAllBe(b => b.Status == "published");
        var writes = llm.Model.Requests.Where(AsksForJson).ToList();
        writes.Count.ShouldBe(3);
        writes.ShouldAllBe(r => r.Model == "gpt-4o" && !r.Stream);
        writes[0].System.ShouldContain("Do not invent facts");
        await using var events = llm.Avery.Host.Services.CreateAsyncScope();
        var purposes = await events.ServiceProvider.GetRequiredService<AssistantDbContext>().Events.AsNoTracking()
            .Where(e => e.EventName == "avery_api_call").Select(e => e.Properties).ToListAsync();
        purposes.Count(p => JsonDocument.Parse(p).RootElement.GetProperty("purpose").GetString() == "blog").ShouldBe(3);
    }

    [Fact]
    public async Task An_unusable_or_flagged_generated_post_is_never_published()
    {
        await using var llm = await LlmAvery.StartAsync();
        await using var chat = await llm.OpenChatAsync();
        var n = 0;
        llm.Model.Responder = request => AsksForJson(request)
            ? (Interlocked.Increment(ref n)) switch
            {
                1 => FakeStep.Say("not json at all"),
                2 => FakeStep.Say(Post("Too short", words: 40)),
                _ => FakeStep.Say(Post("Porn for lifters")),
            }
            : request.IsToolRound ? FakeStep.Say("Done.") : FakeStep.Call("generate_blog_posts", """{"count":3}""");
        await using (var scope = llm.Avery.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreatorOS.Contracts.Storefront.IStorefront>()
                .UpdateProfileAsync((await llm.Avery.StoreAsync()).WorkspaceId, new("Sam", "fitness", null, null, null, null), default);
        }

        await chat.SayAsync("write my blogs");

        var blogs = (await llm.Avery.StoreAsync()).Blogs;
        blogs.ShouldNotContain(b => b.Title.Contains("Porn", StringComparison.OrdinalIgnoreCase) || b.Title == "Too short");
        blogs.Count.ShouldBe(2, "two unusable posts were replaced by the offline writer's; the flagged one was dropped");
    }

    [Fact]
    public async Task The_share_post_is_written_by_the_model_and_must_carry_the_store_link()
    {
        await using var llm = await LlmAvery.StartAsync();
        await using var chat = await llm.OpenChatAsync();
        llm.Model.Responder = request =>
            request.LastUser?.StartsWith("Platform:", StringComparison.Ordinal) == true
                ? FakeStep.Say($"My store is live! Come train with me: {request.LastUser.Split("Store URL: ")[1].Split(". Price:")[0]} #fitness")
                : request.IsToolRound ? FakeStep.Say("Here's your post!") : FakeStep.Call("generate_share_content", """{"platform":"instagram"}""");

        var turn = await chat.SayAsync("write me a post to share");

        turn.ToolsRun.ShouldBe(["generate_share_content"]);
        llm.Model.Requests.Last(r => r.IsToolRound).ToolResults.Single().ShouldContain("My store is live! Come train with me: http");
        await using var scope = llm.Avery.Host.Services.CreateAsyncScope();
        var purposes = await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().Events.AsNoTracking()
            .Where(e => e.EventName == "avery_api_call").Select(e => e.Properties).ToListAsync();
        purposes.Count(p => JsonDocument.Parse(p).RootElement.GetProperty("purpose").GetString() == "share").ShouldBe(1);
    }

    [Fact]
    public async Task The_providers_moderation_endpoint_checks_coach_input_when_configured()
    {
        await using var llm = await LlmAvery.StartAsync(new Dictionary<string, string?> { ["Ai:Moderation"] = "openai" });
        await using var chat = await llm.OpenChatAsync();

        var turn = await chat.SayAsync("this has a forbidden-word in it");

        turn.Reply.ShouldBe(ConversationEngine.ModerationReply);
        llm.Model.Requests.ShouldContain(r => r.Path.EndsWith("/moderations", StringComparison.Ordinal));
        llm.Model.ChatRequests.ShouldBe(0, "flagged input never reaches the model");
    }
}
