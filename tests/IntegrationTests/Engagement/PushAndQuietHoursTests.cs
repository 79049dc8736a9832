using System.Net;
using System.Net.Http.Json;
using CreatorOS.Contracts.Engagement;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Notifications;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>A push endpoint stays with the user who registered it; retries respect quiet hours.</summary>
public sealed class PushAndQuietHoursTests
{
    private static async Task<T> DbAsync<T>(CreatorOsHost host, Func<EngagementDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EngagementDbContext>());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Another_users_endpoint_is_refused_and_stays_with_its_owner_who_may_refresh_it(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider, settings: TestMailbox.Settings(new() { ["Jobs:AutoStart"] = "false" }));
        var (owner, ownerAccount) = await EngagementHosts.SignedInAsync(host, $"push-owner-{provider}@example.com");
        var (other, _) = await EngagementHosts.SignedInAsync(host, $"push-other-{provider}@example.com");
        using var ownerKeys = new BrowserPushKeys();
        using var otherKeys = new BrowserPushKeys();
        const string Endpoint = "http://push.example/push/shared-browser";

        (await owner.Http.PostAsJsonAsync("/api/notifications/push/subscriptions", ownerKeys.Subscription(Endpoint))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await other.Http.PostAsJsonAsync("/api/notifications/push/subscriptions", otherKeys.Subscription(Endpoint))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var stored = await DbAsync(host, db => db.PushSubscriptions.AsNoTracking().SingleAsync(s => s.Endpoint == Endpoint));
        stored.UserId.ShouldBe(ownerAccount.UserId!.Value, "the endpoint was not moved");

        // The same user registering again (keys rotated) rebinds to the new keys.
        using var rotated = new BrowserPushKeys();
        (await owner.Http.PostAsJsonAsync("/api/notifications/push/subscriptions", rotated.Subscription(Endpoint))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var refreshed = await DbAsync(host, db => db.PushSubscriptions.AsNoTracking().Where(s => s.Endpoint == Endpoint).ToListAsync());
        refreshed.ShouldHaveSingleItem().UserId.ShouldBe(ownerAccount.UserId!.Value);
        refreshed[0].P256dh.ShouldNotBe(stored.P256dh);
    }
}
