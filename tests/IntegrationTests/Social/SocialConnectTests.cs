using CreatorOS.IntegrationTests.Support;
using CreatorOS.SharedKernel.Persistence;

namespace CreatorOS.IntegrationTests.Social;

/// <summary>The OAuth popup flow of each platform against loopback fakes speaking its real wire format.</summary>
public sealed class SocialConnectTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Instagram_exchanges_the_code_for_a_long_lived_token_and_stores_it_sealed(DatabaseProvider provider)
    {
        await using var social = await SocialHarness.StartAsync(provider);

        var page = await social.ConnectAsync("instagram");

        SocialHarness.Outcome(page).ShouldBe("connected");
        page.ShouldContain("data-ok=\"true\"");
        page.ShouldContain("<script src=\"/social/oauth-done.js\"></script>");
        var exchange = social.Fake.Requests.Single(r => r.Request.StartsWith("POST /instagram/oauth/access_token", StringComparison.Ordinal)).Form;
        exchange["grant_type"].ShouldBe("authorization_code");
        exchange["client_secret"].ShouldBe(FakePlatforms.ClientSecret);
        exchange["redirect_uri"].ShouldEndWith("/social/instagram/callback");
        social.Fake.Count("/instagram-graph/access_token?grant_type=ig_exchange_token").ShouldBe(1);

        var connection = (await social.ConnectionsAsync()).ShouldHaveSingleItem();
        connection.Platform.ShouldBe("instagram");
        connection.AccountName.ShouldBe("sam.strong");
        connection.AccessTokenSealed.ShouldStartWith("v1.k1.");
        connection.AccessExpiresAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(59));

        // No token the fake issued appears anywhere in the database in clear.
        (await DatabaseScan.FindAsync(social.Avery.Host, provider, ["IGQshort", "IGQlong"])).ShouldBeEmpty();
    }

    [Fact]
    public async Task TikTok_and_YouTube_connect_with_refresh_tokens()
    {
        await using var social = await SocialHarness.StartAsync();

        SocialHarness.Outcome(await social.ConnectAsync("tiktok")).ShouldBe("connected");
        SocialHarness.Outcome(await social.ConnectAsync("youtube")).ShouldBe("connected");

        var tiktokToken = social.Fake.Requests.Single(r => r.Request == "POST /tiktok-api/v2/oauth/token/").Form;
        tiktokToken["client_key"].ShouldBe(FakePlatforms.ClientId);
        tiktokToken["grant_type"].ShouldBe("authorization_code");
        var consent = social.Fake.Requests.Single(r => r.Request.StartsWith("GET /google/o/oauth2/v2/auth", StringComparison.Ordinal)).Request;
        consent.ShouldContain("scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fyoutube.readonly");
        consent.ShouldContain("access_type=offline");

        var connections = await social.ConnectionsAsync();
        connections.Select(c => c.Platform).Order().ShouldBe(["tiktok", "youtube"]);
        connections.ShouldAllBe(c => c.RefreshTokenSealed != null && c.RefreshTokenSealed.StartsWith("v1.k1."));
        connections.Single(c => c.Platform == "youtube").AccountName.ShouldBe("Strong with Sam");
        connections.Single(c => c.Platform == "tiktok").AccountId.ShouldBe("_000Fake0penId");
    }

    [Fact]
    public async Task Denied_consent_says_the_connection_did_not_go_through()
    {
        await using var social = await SocialHarness.StartAsync();
        social.Fake.Denying.Add("tiktok");

        var page = await social.ConnectAsync("tiktok");

        SocialHarness.Outcome(page).ShouldBe("denied");
        page.ShouldContain("data-ok=\"false\"");
        page.ShouldContain("Connection didn't go through. Try again or skip?");
        (await social.ConnectionsAsync()).ShouldBeEmpty();
        social.Fake.Count("/v2/oauth/token/").ShouldBe(0);
    }

    [Fact]
    public async Task A_callback_only_counts_once_and_in_the_session_that_started_it()
    {
        await using var social = await SocialHarness.StartAsync();
        var callback = await social.CallbackUrlAsync("instagram");

        // Sam's sign-in opened in another coach's session (no binding cookie, other workspace): refused.
        using var other = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = social.Avery.BaseAddress };
        await new FormClient(other).SignUpAsync("eve@example.com", business: "Eve's Shop");
        SocialHarness.Outcome(await other.GetStringAsync(callback)).ShouldBe("invalid_state");

        // A state the app never issued.
        var tampered = System.Text.RegularExpressions.Regex.Replace(callback, "state=[^&]+", "state=forged-state");
        SocialHarness.Outcome(await social.Avery.Http.GetStringAsync(tampered)).ShouldBe("invalid_state");

        // The genuine callback in the session that started it works once; a replay is refused.
        SocialHarness.Outcome(await social.Avery.Http.GetStringAsync(callback)).ShouldBe("connected");
        SocialHarness.Outcome(await social.Avery.Http.GetStringAsync(callback)).ShouldBe("invalid_state");

        (await social.ConnectionsAsync()).ShouldHaveSingleItem().WorkspaceId.ShouldBe(await social.WorkspaceIdAsync());
        social.Fake.Count("POST /instagram/oauth/access_token").ShouldBe(1);
    }

    [Fact]
    public async Task Without_credentials_or_a_token_key_nothing_can_be_connected()
    {
        await using var social = await SocialHarness.StartAsync(configure: (_, settings) =>
        {
            settings.Remove("Social:TokenKeys:Active");
            settings.Remove("Social:TokenKeys:Keys:k1");
        });

        var page = await social.ConnectAsync("youtube");

        SocialHarness.Outcome(page).ShouldBe("not_available");
        social.Fake.Requests.ShouldBeEmpty();
        (await social.Avery.Http.GetAsync("/social/myspace/connect")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_platform_that_is_down_ends_the_popup_with_try_again_or_skip()
    {
        await using var social = await SocialHarness.StartAsync();
        var callback = await social.CallbackUrlAsync("instagram");
        social.Fake.Down.Add("instagram");
        var page = await social.Avery.Http.GetStringAsync(callback);

        SocialHarness.Outcome(page).ShouldBe("unavailable");
        page.ShouldContain("Try again or skip?");
        // One try and two retries with backoff, then it gives up.
        social.Fake.Count("POST /instagram/oauth/access_token").ShouldBe(3);
        (await social.ConnectionsAsync()).ShouldBeEmpty();
    }
}
