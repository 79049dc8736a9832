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

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_retry_whose_backoff_ends_in_quiet_hours_waits_for_their_end(DatabaseProvider provider)
    {
        // 21:59:50 in London (GMT in November), quiet from 22:00 to 07:00, SMTP down.
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 21, 59, 50, TimeSpan.Zero));
        await using var host = await CreatorOsHost.StartAsync(provider, services => services.AddSingleton<TimeProvider>(clock), TestMailbox.Settings(new()
        {
            ["Jobs:AutoStart"] = "false",
            ["Notifications:SmtpPort"] = "9",
            ["Notifications:SmtpTimeout"] = "00:00:05",
        }));
        var (_, account) = await EngagementHosts.SignedInAsync(host, $"quiet-retry-{provider}@example.com");
        var userId = account.UserId!.Value;
        await DbAsync(host, db =>
        {
            db.Settings.Add(new NotificationSettings { UserId = userId, TimeZone = "Europe/London", QuietFromMinute = 22 * 60, QuietToMinute = 7 * 60, UpdatedAt = clock.GetUtcNow() });
            return db.SaveChangesAsync();
        });
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<INotifications>().SendAsync(
                new NotificationRequest(userId, null, NotificationCategories.Reports, "Weekly report", "Up 10%.", null, "quiet-retry"), CancellationToken.None);
        }

        async Task<int> DispatchAsync()
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>().DispatchDueAsync(CancellationToken.None);
        }

        (await DispatchAsync()).ShouldBe(1);
        var afterFirst = await DbAsync(host, db => db.Deliveries.AsNoTracking().SingleAsync(d => d.UserId == userId));
        var morning = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
        afterFirst.LastError!.ShouldStartWith("SMTP:");
        afterFirst.Attempts.ShouldBe(1);
        afterFirst.NextAttemptAt.ShouldBe(morning, "the 30 s backoff ends at 22:00:20, inside quiet hours");

        clock.Set(new DateTimeOffset(2026, 11, 22, 22, 0, 20, TimeSpan.Zero));
        await DispatchAsync();
        var night = await DbAsync(host, db => db.Deliveries.AsNoTracking().SingleAsync(d => d.UserId == userId));
        night.Attempts.ShouldBe(1, "nothing is attempted during quiet hours");
        night.Status.ShouldBe(Delivery.Pending);
    }
}
