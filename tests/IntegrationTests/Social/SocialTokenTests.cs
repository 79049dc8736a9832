using System.Text.Json;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Social.Vault;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Social;

/// <summary>Tokens at rest: key rotation, disconnect, GDPR export and erasure.</summary>
public sealed class SocialTokenTests
{
    [Fact]
    public async Task Rotating_the_key_reseals_every_token_and_the_old_key_can_then_go()
    {
        await using var fake = await FakePlatforms.StartAsync();
        fake.Posts["instagram"].Add(new("ig-1", "Morning mobility flow for desk workers", Likes: 1));
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        await using (var first = await SocialHarness.StartAsync(fake: fake, database: database))
        {
            await first.ConnectAsync("instagram");
            await first.ConnectAsync("youtube");
        }

        // k2 becomes active; k1 stays configured until the rotation job has run.
        await using (var rotating = await SocialHarness.StartAsync(fake: fake, database: database, signUp: false, configure: (_, settings) =>
        {
            settings["Social:TokenKeys:Active"] = "k2";
            settings["Social:TokenKeys:Keys:k2"] = TestKeys.K2;
        }))
        {
            (await rotating.ConnectionsAsync()).ShouldAllBe(c => c.AccessTokenSealed.StartsWith("v1.k1."));
            var resealed = await rotating.InScopeAsync(s => s.GetServices<CreatorOS.Contracts.Jobs.IRecurringJob>().OfType<TokenKeyRotation>().Single().RotateAsync(default));
            resealed.ShouldBe(2);
            (await rotating.ConnectionsAsync()).ShouldAllBe(c => c.AccessTokenSealed.StartsWith("v1.k2.") && (c.RefreshTokenSealed == null || c.RefreshTokenSealed.StartsWith("v1.k2.")));
            (await rotating.InScopeAsync(s => s.GetServices<CreatorOS.Contracts.Jobs.IRecurringJob>().OfType<TokenKeyRotation>().Single().RotateAsync(default))).ShouldBe(0);
        }

        await using var rotated = await SocialHarness.StartAsync(fake: fake, database: database, signUp: false, configure: (_, settings) =>
        {
            settings.Remove("Social:TokenKeys:Keys:k1");
            settings["Social:TokenKeys:Active"] = "k2";
            settings["Social:TokenKeys:Keys:k2"] = TestKeys.K2;
        });
        var top = await rotated.TopPostsAsync("instagram");
        top.Status.ShouldBe("ok");
        top.Posts.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Disconnect_deletes_the_tokens_and_needs_the_request_token()
    {
        await using var social = await SocialHarness.StartAsync();
        await social.ConnectAsync("instagram");
        var antiforgery = FormClient.AntiforgeryToken(await social.Avery.Http.GetStringAsync("/avery"));

        var forged = await social.Avery.Http.PostAsync("/api/social/instagram/disconnect", new FormUrlEncodedContent([]));
        forged.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await social.ConnectionsAsync()).ShouldHaveSingleItem();

        var disconnected = await social.Avery.Http.PostAsync("/api/social/instagram/disconnect", new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));
        disconnected.StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await social.ConnectionsAsync()).ShouldBeEmpty();
        (await social.TopPostsAsync()).Status.ShouldBe("not_connected");

        using var anonymous = new HttpClient { BaseAddress = social.Avery.BaseAddress };
        (await anonymous.GetAsync("/api/social/connections")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_lists_connections_without_tokens_and_erasure_removes_them(DatabaseProvider provider)
    {
        await using var social = await SocialHarness.StartAsync(provider);
        await social.ConnectAsync("instagram");
        await social.ConnectAsync("tiktok");

        var export = JsonDocument.Parse(await social.Avery.Http.GetStringAsync("/account/export")).RootElement.GetProperty("social");
        var connections = export.GetProperty("connections");
        connections.GetArrayLength().ShouldBe(2);
        export.ToString().ShouldContain("sam.strong");
        export.ToString().ShouldNotContain("v1.k1.");
        export.ToString().ShouldNotContain("IGQlong");

        var deleted = await social.Avery.Browser.SubmitAsync("/account/delete", "delete-account", new Dictionary<string, string>
        {
            ["Input.Password"] = "correct horse battery",
            ["Input.Confirmation"] = "DELETE",
        });
        deleted.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/?deleted=1");
        await social.Avery.Host.FlushEventsAsync();

        (await DatabaseScan.FindAsync(social.Avery.Host, provider, ["sam.strong", "_000Fake0penId", "v1.k1."])).ShouldBeEmpty();
    }
}
