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

/// <summary>
/// Notifications through every channel against real servers (SMTP on loopback, a loopback push
/// service), proving each channel honours the user's preferences, critical categories excepted.
/// </summary>
public sealed class NotificationTests
{
    private static Task<CreatorOsHost> HostAsync(DatabaseProvider provider, Action<IServiceCollection>? services = null, Dictionary<string, string?>? settings = null) =>
        CreatorOsHost.StartAsync(provider, services, TestMailbox.Settings(new Dictionary<string, string?>(settings ?? []) { ["Jobs:AutoStart"] = "false" }));

    private static async Task<NotificationReceipt> SendAsync(CreatorOsHost host, Guid userId, string category, string key, string title = "You hit 10 subscribers!")
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<INotifications>()
            .SendAsync(new NotificationRequest(userId, null, category, title, "That's £90/month. Keep going.", "/admin", key), CancellationToken.None);
    }

    private static async Task<int> DispatchAsync(CreatorOsHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    private static async Task<T> DbAsync<T>(CreatorOsHost host, Func<EngagementDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EngagementDbContext>());
    }

    private static Task<HttpResponseMessage> SavePreferencesAsync(FormClient client, Dictionary<string, string> fields) =>
        client.SubmitAsync("/account/notifications", "notification-preferences", fields);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task In_app_inbox_counts_unread_live_and_honours_the_in_app_preference(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var (coach, account) = await EngagementHosts.SignedInAsync(host, $"inapp-{provider}@example.com");
        var userId = account.UserId!.Value;

        using var stream = await coach.Http.GetAsync("/api/notifications/stream", HttpCompletionOption.ResponseHeadersRead);
        stream.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        (await NextUnreadAsync(reader)).ShouldBe(0);

        await SendAsync(host, userId, NotificationCategories.Milestones, "m-1");
        (await NextUnreadAsync(reader)).ShouldBe(1, "the bell hears about the new notification at once");

        // Turn in-app off for milestones (everything else left on).
        var fields = AllOn();
        fields.Remove($"pref:{NotificationCategories.Milestones}:{NotificationChannels.InApp}");
        (await SavePreferencesAsync(coach, fields)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(host, userId, NotificationCategories.Milestones, "m-2")).Channels.ShouldNotContain(NotificationChannels.InApp);

        // A critical category is shown even with a mute stored for it.
        await DbAsync(host, async db =>
        {
            db.Preferences.Add(new ChannelPreference { UserId = userId, Category = NotificationCategories.Security, Channel = NotificationChannels.InApp, Enabled = false });
            return await db.SaveChangesAsync();
        });
        (await SendAsync(host, userId, NotificationCategories.Security, "s-1", "New sign-in")).Channels.ShouldContain(NotificationChannels.InApp);
        (await NextUnreadAsync(reader)).ShouldBe(2);

        var inbox = await coach.Http.GetStringAsync("/notifications");
        inbox.ShouldContain("New sign-in");
        inbox.Split("data-notification=").Length.ShouldBe(3, "the muted milestone is not in the inbox");

        var id = await DbAsync(host, db => db.Notifications.Where(n => n.IdempotencyKey == "m-1").Select(n => n.Id).SingleAsync());
        var token = FormClient.AntiforgeryToken(inbox);
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
        {
            (await coach.Http.PostAsync($"/notifications/{id}/read", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await NextUnreadAsync(reader)).ShouldBe(1);
        (await coach.Http.GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Unread.ShouldBe(1);

        // Another user's notification id is simply not found.
        var (stranger, _) = await EngagementHosts.SignedInAsync(host, $"stranger-{provider}@example.com");
        var strangerPage = await stranger.Http.GetStringAsync("/notifications");
        using var strangerForm = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FormClient.AntiforgeryToken(strangerPage) });
        (await stranger.Http.PostAsync($"/notifications/{id}/read", strangerForm)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Email_goes_over_SMTP_with_unsubscribe_and_honours_the_email_preference(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var email = $"mail-{provider}-{Guid.NewGuid():N}@example.com";
        var (coach, account) = await EngagementHosts.SignedInAsync(host, email);
        var userId = account.UserId!.Value;

        await SendAsync(host, userId, NotificationCategories.Milestones, "e-1");
        await SendAsync(host, userId, NotificationCategories.Milestones, "e-1");
        (await DispatchAsync(host)).ShouldBe(1, "the repeated send queued nothing");
        var message = TestMailbox.For(email).ShouldHaveSingleItem();
        message.ShouldContain("Subject: You hit 10 subscribers!");
        var readable = TestMailbox.Readable(message);
        readable.ShouldContain("That's £90/month. Keep going.");
        readable.ShouldContain("<a href=\"http://creatoros.test/admin\"");
        readable.ShouldContain("Unsubscribe from these emails: http://creatoros.test/notifications/unsubscribe?token=");
        message.ShouldContain("multipart/alternative");
        message.ShouldContain("text/html");
        message.ShouldContain("List-Unsubscribe: <http://creatoros.test/notifications/unsubscribe/one-click?token=");
        message.ShouldContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        var delivery = await DbAsync(host, db => db.Deliveries.SingleAsync(d => d.UserId == userId));
        message.ShouldContain($"Message-ID: <{delivery.Id:N}@creatoros>");

        // Unfold the header and follow the one-click link as a mail client would: no session, no antiforgery token.
        var unfolded = message.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Replace("\n ", string.Empty, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(unfolded, "List-Unsubscribe: <http://creatoros.test([^>]+)>").Groups[1].Value;
        using var anonymous = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var empty = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }))
        {
            (await anonymous.PostAsync(link, empty)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await anonymous.GetStringAsync(link.Replace("/one-click", string.Empty, StringComparison.Ordinal) + "&done=1")).ShouldContain("You will no longer get");
        (await SendAsync(host, userId, NotificationCategories.Milestones, "e-2")).Channels.ShouldNotContain(NotificationChannels.Email);

        // Critical mail still goes; other categories are untouched by the milestone unsubscribe.
        await SendAsync(host, userId, NotificationCategories.Billing, "e-3", "Your payout failed");
        await SendAsync(host, userId, NotificationCategories.Reports, "e-4", "Your weekly report");
        (await DispatchAsync(host)).ShouldBe(2);
        TestMailbox.For(email).Count.ShouldBe(3);
        TestMailbox.For(email).ShouldContain(m => m.Contains("Subject: Your payout failed"));

        // A forged token changes nothing.
        using var forged = new FormUrlEncodedContent([]);
        (await anonymous.PostAsync("/notifications/unsubscribe/one-click?token=not-a-token", forged)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        coach.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Web_push_is_encrypted_signed_with_VAPID_and_honours_the_push_preference(DatabaseProvider provider)
    {
        await using var push = await PushServiceStub.StartAsync();
        await using var host = await HostAsync(provider);
        var (coach, account) = await EngagementHosts.SignedInAsync(host, $"push-{provider}@example.com");
        var userId = account.UserId!.Value;
        using var browser = new BrowserPushKeys();

        var publicKey = (await coach.Http.GetFromJsonAsync<VapidKey>("/notifications/push/key"))!.PublicKey;
        (await coach.Http.PostAsJsonAsync("/api/notifications/push/subscriptions", browser.Subscription($"{push.BaseUrl}/push/browser-1"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await coach.Http.PostAsJsonAsync("/api/notifications/push/subscriptions", new { endpoint = "ftp://nowhere", keys = new { p256dh = "x", auth = "y" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await SendAsync(host, userId, NotificationCategories.Milestones, "p-1")).Channels.ShouldContain(NotificationChannels.Push);
        await DispatchAsync(host);
        var received = push.Received.ShouldHaveSingleItem();
        received.Headers["Content-Encoding"].ShouldBe("aes128gcm");
        received.Headers["TTL"].ShouldBe("86400");
        BrowserPushKeys.VerifyVapid(received.Headers["Authorization"], push.BaseUrl, publicKey);
        var payload = System.Text.Json.JsonDocument.Parse(browser.Decrypt(received.Body)).RootElement;
        payload.GetProperty("title").GetString().ShouldBe("You hit 10 subscribers!");
        payload.GetProperty("url").GetString().ShouldBe("/admin");

        // Push off for milestones: nothing reaches the push service.
        var fields = AllOn();
        fields.Remove($"pref:{NotificationCategories.Milestones}:{NotificationChannels.Push}");
        (await SavePreferencesAsync(coach, fields)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(host, userId, NotificationCategories.Milestones, "p-2")).Channels.ShouldNotContain(NotificationChannels.Push);
        await DispatchAsync(host);
        push.Received.Count.ShouldBe(1);

        // The push service says the subscription is gone: it is deleted, the delivery dropped, nothing retried.
        push.Answers["browser-1"] = 410;
        await SendAsync(host, userId, NotificationCategories.Security, "p-3", "New sign-in");
        await DispatchAsync(host);
        (await DbAsync(host, db => db.PushSubscriptions.CountAsync(s => s.UserId == userId))).ShouldBe(0);
        (await DbAsync(host, db => db.Deliveries.Where(d => d.UserId == userId && d.Channel == NotificationChannels.Push).Select(d => d.Status).ToListAsync()))
            .ShouldBe([Delivery.Sent, Delivery.Dropped], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SMTP_down_retries_with_backoff_then_fails_keeping_everything(DatabaseProvider provider)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await using var host = await HostAsync(provider, services => services.AddSingleton<TimeProvider>(clock), new()
        {
            ["Notifications:SmtpPort"] = "9", // discard port: nothing listens, the connection is refused
            ["Notifications:SmtpTimeout"] = "00:00:05",
        });
        var (_, account) = await EngagementHosts.SignedInAsync(host, $"down-{provider}@example.com");
        var userId = account.UserId!.Value;
        await SendAsync(host, userId, NotificationCategories.Reports, "d-1");

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= Delivery.MaxAttempts; attempt++)
        {
            (await DispatchAsync(host)).ShouldBe(1);
            var delivery = await DbAsync(host, db => db.Deliveries.AsNoTracking().SingleAsync(d => d.UserId == userId));
            delivery.Attempts.ShouldBe(attempt);
            delivery.LastError!.ShouldStartWith("SMTP:");
            if (attempt < Delivery.MaxAttempts)
            {
                delivery.Status.ShouldBe(Delivery.Pending);
                waits.Add(delivery.NextAttemptAt - clock.GetUtcNow());
                (await DispatchAsync(host)).ShouldBe(0, "not due again before its backoff");
                clock.Set(delivery.NextAttemptAt);
            }
            else
            {
                delivery.Status.ShouldBe(Delivery.Failed);
            }
        }

        waits.ShouldBe([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240), TimeSpan.FromSeconds(480)]);
        (await DbAsync(host, db => db.Notifications.CountAsync(n => n.UserId == userId))).ShouldBe(1, "the in-app copy is kept");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Quiet_hours_hold_email_until_morning_in_the_users_time_zone(DatabaseProvider provider)
    {
        // 23:30 in London (GMT in November).
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));
        await using var host = await HostAsync(provider, services => services.AddSingleton<TimeProvider>(clock));
        var email = $"quiet-{provider}-{Guid.NewGuid():N}@example.com";
        var (coach, account) = await EngagementHosts.SignedInAsync(host, email);
        var userId = account.UserId!.Value;
        var fields = AllOn();
        fields["timeZone"] = "Europe/London";
        fields["quietFrom"] = "22:00";
        fields["quietTo"] = "07:00";
        (await SavePreferencesAsync(coach, fields)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await SendAsync(host, userId, NotificationCategories.Nudges, "q-1", "Time to go live?");
        await SendAsync(host, userId, NotificationCategories.Security, "q-2", "New sign-in");
        await DispatchAsync(host);
        TestMailbox.For(email).ShouldHaveSingleItem().ShouldContain("Subject: New sign-in");

        clock.Set(new DateTimeOffset(2026, 11, 23, 6, 59, 0, TimeSpan.Zero));
        (await DispatchAsync(host)).ShouldBe(0);
        clock.Set(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        (await DispatchAsync(host)).ShouldBe(1);
        TestMailbox.For(email).Count.ShouldBe(2);

        // Bad settings are refused and change nothing.
        fields["timeZone"] = "Mars/Olympus";
        var refused = await SavePreferencesAsync(coach, fields);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("is not a time zone we know");
        (await DbAsync(host, db => db.Settings.SingleAsync(s => s.UserId == userId))).TimeZone.ShouldBe("Europe/London");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_daily_digest_gathers_held_emails_into_one_at_eight_local_time(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var email = $"digest-{provider}-{Guid.NewGuid():N}@example.com";
        var (coach, account) = await EngagementHosts.SignedInAsync(host, email);
        var userId = account.UserId!.Value;
        var fields = AllOn();
        fields["timeZone"] = "America/New_York";
        fields["digest"] = "on";
        (await SavePreferencesAsync(coach, fields)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await SendAsync(host, userId, NotificationCategories.Nudges, "g-1", "Time to go live?");
        await SendAsync(host, userId, NotificationCategories.Milestones, "g-2", "25 subscribers!");
        await SendAsync(host, userId, NotificationCategories.Billing, "g-3", "Card declined");
        await DispatchAsync(host);
        TestMailbox.For(email).ShouldHaveSingleItem().ShouldContain("Subject: Card declined", customMessage: "critical mail is never held");

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var digest = scope.ServiceProvider.GetServices<CreatorOS.Contracts.Jobs.IRecurringJob>().OfType<DigestJob>().Single();
            await digest.RunAsync(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), CancellationToken.None); // 07:00 in New York
            TestMailbox.For(email).Count.ShouldBe(1);
            await digest.RunAsync(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero), CancellationToken.None); // 08:00 in New York
            await digest.RunAsync(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero), CancellationToken.None);
        }

        var digestMail = TestMailbox.Readable(TestMailbox.For(email).Where(m => m.Contains("Subject: Your CreatorOS digest: 2 updates")).ShouldHaveSingleItem());
        digestMail.ShouldContain("Time to go live?");
        digestMail.ShouldContain("25 subscribers!");
        TestMailbox.For(email).Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_user_deleted_before_sending_gets_nothing_and_the_delivery_says_why(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var gone = Guid.NewGuid();
        await SendAsync(host, gone, NotificationCategories.Reports, "gone-1");
        await DispatchAsync(host);
        var delivery = await DbAsync(host, db => db.Deliveries.SingleAsync(d => d.UserId == gone));
        delivery.Status.ShouldBe(Delivery.Dropped);
        delivery.LastError.ShouldBe("The user no longer exists.");

        await using var scope = host.Services.CreateAsyncScope();
        var notifications = scope.ServiceProvider.GetRequiredService<INotifications>();
        await Should.ThrowAsync<ArgumentException>(() => notifications.SendAsync(new NotificationRequest(gone, null, "gossip", "t", "b", null, "k"), CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => notifications.SendAsync(new NotificationRequest(gone, null, NotificationCategories.Reports, "t", "b", "https://evil.example", "k2"), CancellationToken.None));
    }

    private static Dictionary<string, string> AllOn()
    {
        var fields = new Dictionary<string, string> { ["timeZone"] = "UTC" };
        foreach (var category in NotificationCategories.All)
        {
            foreach (var channel in NotificationChannels.All)
            {
                fields[$"pref:{category}:{channel}"] = "on";
            }
        }

        return fields;
    }

    private static async Task<int> NextUnreadAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? eventName = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "unread")
            {
                return int.Parse(line["data: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("The stream ended.");
    }

    private sealed record UnreadCount(int Unread);

    private sealed record VapidKey(string PublicKey);
}
