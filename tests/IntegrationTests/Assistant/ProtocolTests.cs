using System.Net;
using System.Text.Json;
using CreatorOS.SharedKernel.Persistence;

namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>PROTOCOL.md over a real socket: authentication, limits and bad frames.</summary>
public sealed class ProtocolTests
{
    [Fact]
    public async Task An_anonymous_socket_is_closed_with_4001()
    {
        await using var avery = await LiveAvery.StartAsync();

        await using var client = await AveryClient.ConnectAsync(avery.BaseAddress, cookies: null);

        (await client.ClosedAsync()).ShouldBe(4001);
    }

    [Fact]
    public async Task A_socket_from_a_foreign_origin_is_refused()
    {
        await using var avery = await LiveAvery.StartAsync();
        await avery.SignUpAsync();

        var refused = await Should.ThrowAsync<System.Net.WebSockets.WebSocketException>(() => avery.ConnectAsync(origin: "https://evil.example"));

        refused.Message.ShouldContain("403");
    }

    [Theory]
    [MemberData(nameof(Support.Providers.Both), MemberType = typeof(Support.Providers))]
    public async Task A_new_coach_is_welcomed_and_every_turn_has_the_protocol_shape(DatabaseProvider provider)
    {
        await using var avery = await LiveAvery.StartAsync(provider);
        await avery.SignUpAsync();
        var (client, greeting) = await avery.OpenChatAsync();
        await using var _ = client;

        greeting.Text("phase").ShouldBe("discovery");
        greeting.Text("content")!.ShouldNotBeNullOrWhiteSpace();

        var id = await client.SendAsync("coach_message", new { text = "Sam" });
        var turn = await client.TurnAsync();
        TurnOrder.Assert(turn);

        var types = turn.Frames.Select(f => f.Type).ToList();
        types[0].ShouldBe("avery_typing");
        turn.Frames[0].Payload.GetProperty("isTyping").GetBoolean().ShouldBeTrue();
        types.ShouldContain("avery_stream_chunk");
        types.IndexOf("avery_stream_end").ShouldBeGreaterThan(types.IndexOf("avery_stream_chunk"));
        types.Count(t => t == "avery_stream_end").ShouldBe(1);
        string.Concat(turn.Frames.Where(f => f.Type == "avery_stream_chunk").Select(f => f.Text("text"))).ShouldBe(turn.Reply);
        turn.End.ReplyTo.ShouldBe(id);
        turn.End.Payload.GetProperty("id").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Bad_frames_get_an_error_and_leave_the_conversation_as_it_was()
    {
        await using var avery = await LiveAvery.StartAsync();
        await avery.SignUpAsync();
        var (client, _) = await avery.OpenChatAsync();
        await using var __ = client;

        await client.SendRawAsync("{not json");
        (await client.NextAsync()).Text("code").ShouldBe("malformed");

        await client.SendRawAsync("""{"type":"teleport","payload":{},"messageId":"c-x"}""");
        (await client.NextAsync()).Text("code").ShouldBe("unknown_type");

        await client.SendRawAsync("""{"type":"coach_message","payload":{"text":42},"messageId":"c-y"}""");
        (await client.NextAsync()).Text("code").ShouldBe("malformed");

        await client.SendRawAsync("""{"type":"button_click","payload":{"button":{"label":""}},"messageId":"c-z"}""");
        (await client.NextAsync()).Text("code").ShouldBe("malformed");

        await client.SendAsync("ping", new { });
        (await client.NextAsync()).Type.ShouldBe("pong");
        var store = await avery.StoreAsync();
        store.Profile.PreferredName.ShouldBeNull();
        (await client.SayAsync("Sam")).Phase.ShouldBe("discovery");
    }

    [Fact]
    public async Task An_oversized_frame_is_refused_with_4008()
    {
        await using var avery = await LiveAvery.StartAsync();
        await avery.SignUpAsync();
        var (client, _) = await avery.OpenChatAsync();
        await using var __ = client;

        await client.SendRawAsync(JsonSerializer.Serialize(new { type = "coach_message", payload = new { text = new string('a', 17_000) }, messageId = "c-big" }));

        (await client.NextAsync()).Text("code").ShouldBe("policy_violation");
        (await client.ClosedAsync()).ShouldBe(4008);
    }

    [Fact]
    public async Task A_binary_frame_is_refused_with_4008()
    {
        await using var avery = await LiveAvery.StartAsync();
        await avery.SignUpAsync();
        var (client, _) = await avery.OpenChatAsync();
        await using var __ = client;

        await client.SendBinaryAsync([1, 2, 3]);

        (await client.NextAsync()).Text("code").ShouldBe("policy_violation");
        (await client.ClosedAsync()).ShouldBe(4008);
    }

    [Fact]
    public async Task A_repeated_message_is_answered_once()
    {
        await using var avery = await LiveAvery.StartAsync();
        await avery.SignUpAsync();
        var (client, _) = await avery.OpenChatAsync();
        await using var __ = client;

        await client.SendAsync("coach_message", new { text = "Sam" }, "c-1");
        await client.TurnAsync();
        await client.SendAsync("coach_message", new { text = "Sam" }, "c-1");
        await client.SendAsync("coach_message", new { text = "Sam" }, "c-2");

        (await client.SilentForAsync(TimeSpan.FromMilliseconds(800))).ShouldBeTrue();
    }

    [Fact]
    public async Task Past_the_hourly_budget_the_coach_gets_the_break_message_and_nothing_changes()
    {
        await using var avery = await LiveAvery.StartAsync(settings: new Dictionary<string, string?> { ["Assistant:MessagesPerHour"] = "2" });
        await avery.SignUpAsync();
        var (client, _) = await avery.OpenChatAsync();
        await using var __ = client;
        await client.SayAsync("hi");
        await client.SayAsync("hello there");

        var limited = await client.SayAsync("Sam");

        limited.Frames.Count.ShouldBe(1);
        limited.Error!.Text("code").ShouldBe("rate_limited");
        limited.Error.Text("message")!.ShouldStartWith("I need a quick break!");
        (await avery.StoreAsync()).Profile.PreferredName.ShouldBeNull();
    }

    [Fact]
    public async Task A_second_tab_takes_over_and_the_first_is_told_why()
    {
        await using var avery = await LiveAvery.StartAsync();
        await avery.SignUpAsync();
        var (first, _) = await avery.OpenChatAsync();
        await using var __ = first;

        var (second, _) = await avery.OpenChatAsync();
        await using var ___ = second;

        (await first.NextOfTypeAsync("error")).Text("code").ShouldBe("replaced");
        (await first.ClosedAsync()).ShouldBe(4002);
        (await second.SayAsync("Sam")).End.ShouldNotBeNull();
    }

    [Fact]
    public async Task Inappropriate_messages_get_the_spec_reply_and_are_not_stored()
    {
        await using var avery = await LiveAvery.StartAsync();
        await avery.SignUpAsync();
        var (client, _) = await avery.OpenChatAsync();
        await using var __ = client;

        var turn = await client.SayAsync("I will kill you");

        turn.Reply.ShouldBe("I can't help with that. Let's get back to setting up your store!");
        var history = await avery.Http.GetStringAsync("/avery/messages");
        history.ShouldNotContain("kill you");
    }

    [Fact]
    public async Task The_widget_connects_with_a_single_use_ticket()
    {
        await using var avery = await LiveAvery.StartAsync();
        await avery.SignUpAsync();
        var page = await avery.Http.GetStringAsync("/account");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/avery/ticket");
        request.Headers.Add("RequestVerificationToken", Support.FormClient.AntiforgeryToken(page));

        var response = await avery.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ticket = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("ticket").GetString()!;

        await using (var widget = await AveryClient.ConnectAsync(avery.BaseAddress, cookies: null, ticket: ticket))
        {
            (await widget.NextOfTypeAsync("progress_update")).Type.ShouldBe("progress_update");
        }

        await using var replay = await AveryClient.ConnectAsync(avery.BaseAddress, cookies: null, ticket: ticket);
        (await replay.ClosedAsync()).ShouldBe(4001);
        (await avery.Http.PostAsync("/avery/ticket", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Signed_out_calls_to_the_assistant_api_get_401_not_a_page()
    {
        await using var avery = await LiveAvery.StartAsync();
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = avery.BaseAddress };

        (await anonymous.GetAsync("/avery/messages")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync("/avery/photo", new StringContent("x"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await anonymous.GetAsync("/avery");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/account/signin");
    }
}
