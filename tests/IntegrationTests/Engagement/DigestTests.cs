using System.Net;
using CreatorOS.Contracts.Engagement;
using CreatorOS.Contracts.Jobs;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Notifications;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>
/// The daily digest decides on what the user wants when it is made, not when the emails were held:
/// a later mute leaves an item out (and its delivery says why), turning the digest off sends what
/// was held one by one, and a digest with nothing left in it is not sent.
/// </summary>
public sealed class DigestTests
{
    /// <summary>08:00 in UTC, the time zone these users keep: the digest hour.</summary>
    private static readonly DateTimeOffset DigestHour = new(2026, 11, 23, DigestJob.LocalHour, 0, 0, TimeSpan.Zero);

    private sealed record Held(CreatorOsHost Host, ManualClock Clock, FormClient Coach, Guid UserId, string Email);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_category_muted_after_its_email_was_held_is_left_out_of_the_digest_and_its_delivery_says_why(DatabaseProvider provider)
    {
        var held = await HoldTwoAsync(provider, "digest-mute");
        await using var host = held.Host;
        var fields = Fields(digest: true);
        fields.Remove($"pref:{NotificationCategories.Nudges}:{NotificationChannels.Email}");
        (await SavePreferencesAsync(held.Coach, fields)).StatusCode.ShouldBe(HttpStatusCode.OK);

        held.Clock.Set(DigestHour);
        await RunDigestAsync(host, DigestHour);

        var mail = TestMailbox.Readable(TestMailbox.For(held.Email).ShouldHaveSingleItem());
        mail.ShouldContain("Subject: Your CreatorOS digest: 1 update");
        mail.ShouldContain("25 subscribers!");
        mail.ShouldNotContain("Time to go live?");
        var nudge = await DeliveryAsync(host, held.UserId, NotificationCategories.Nudges);
        nudge.Status.ShouldBe(Delivery.Dropped);
        nudge.LastError.ShouldBe(DigestJob.MutedWhileHeld);
        nudge.SentAt.ShouldBeNull();
        (await DeliveryAsync(host, held.UserId, NotificationCategories.Milestones)).Status.ShouldBe(Delivery.Sent);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Turning_the_digest_off_sends_the_held_emails_one_by_one_from_the_next_run_and_only_once(DatabaseProvider provider)
    {
        var held = await HoldTwoAsync(provider, "digest-off");
        await using var host = held.Host;
        (await SavePreferencesAsync(held.Coach, Fields(digest: false))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DispatchAsync(host)).ShouldBe(0, "still held until the digest job has looked at them");

        // 11:00 is not the digest hour: with the digest off, the next run releases them anyway.
        var nextRun = DigestHour.AddHours(3);
        held.Clock.Set(nextRun);
        await RunDigestAsync(host, nextRun);
        (await DispatchAsync(host)).ShouldBe(2);

        var mails = TestMailbox.For(held.Email);
        mails.Count.ShouldBe(2);
        mails.ShouldContain(m => m.Contains("Subject: Time to go live?"));
        mails.ShouldContain(m => m.Contains("Subject: 25 subscribers!"));
        mails.ShouldNotContain(m => m.Contains("Subject: Your CreatorOS digest"));

        await RunDigestAsync(host, DigestHour.AddDays(1));
        (await DispatchAsync(host)).ShouldBe(0);
        TestMailbox.For(held.Email).Count.ShouldBe(2, "each held email is sent once");
        (await DbAsync(host, db => db.Deliveries.Where(d => d.UserId == held.UserId).Select(d => d.Status).ToListAsync()))
            .ShouldBe([Delivery.Sent, Delivery.Sent]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task When_every_held_email_was_muted_no_digest_is_sent(DatabaseProvider provider)
    {
        var held = await HoldTwoAsync(provider, "digest-empty");
        await using var host = held.Host;
        var fields = Fields(digest: true);
        fields.Remove($"pref:{NotificationCategories.Nudges}:{NotificationChannels.Email}");
        fields.Remove($"pref:{NotificationCategories.Milestones}:{NotificationChannels.Email}");
        (await SavePreferencesAsync(held.Coach, fields)).StatusCode.ShouldBe(HttpStatusCode.OK);

        held.Clock.Set(DigestHour);
        await RunDigestAsync(host, DigestHour);
        await RunDigestAsync(host, DigestHour.AddDays(1));

        TestMailbox.For(held.Email).ShouldBeEmpty();
        var deliveries = await DbAsync(host, db => db.Deliveries.AsNoTracking().Where(d => d.UserId == held.UserId).ToListAsync());
        deliveries.Count.ShouldBe(2);
        deliveries.ShouldAllBe(d => d.Status == Delivery.Dropped && d.LastError == DigestJob.MutedWhileHeld);
    }

    /// <summary>A user with the digest on and two emails (a nudge, a milestone) held for it.</summary>
    private static async Task<Held> HoldTwoAsync(DatabaseProvider provider, string name)
    {
        var clock = new ManualClock(DigestHour.AddDays(-1).AddHours(2));
        var host = await CreatorOsHost.StartAsync(provider, services => services.AddSingleton<TimeProvider>(clock), TestMailbox.Settings(new() { ["Jobs:AutoStart"] = "false" }));
        var email = $"{name}-{provider}-{Guid.NewGuid():N}@example.com";
        var (coach, account) = await EngagementHosts.SignedInAsync(host, email);
        var userId = account.UserId!.Value;
        (await SavePreferencesAsync(coach, Fields(digest: true))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await SendAsync(host, userId, NotificationCategories.Nudges, "Time to go live?");
        await SendAsync(host, userId, NotificationCategories.Milestones, "25 subscribers!");
        (await DispatchAsync(host)).ShouldBe(0);
        (await DbAsync(host, db => db.Deliveries.CountAsync(d => d.UserId == userId && d.Status == Delivery.Digest))).ShouldBe(2);
        TestMailbox.For(email).ShouldBeEmpty();
        return new Held(host, clock, coach, userId, email);
    }

    private static async Task SendAsync(CreatorOsHost host, Guid userId, string category, string title)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<INotifications>()
            .SendAsync(new NotificationRequest(userId, null, category, title, "Held for the morning.", "/admin", "digest-" + category), CancellationToken.None);
    }

    private static async Task RunDigestAsync(CreatorOsHost host, DateTimeOffset scheduledAt)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetServices<IRecurringJob>().OfType<DigestJob>().Single().RunAsync(scheduledAt, CancellationToken.None);
    }

    private static async Task<int> DispatchAsync(CreatorOsHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    private static Task<Delivery> DeliveryAsync(CreatorOsHost host, Guid userId, string category) =>
        DbAsync(host, db => db.Deliveries.AsNoTracking()
            .Where(d => d.UserId == userId && db.Notifications.Any(n => n.Id == d.NotificationId && n.Category == category))
            .SingleAsync());

    private static async Task<T> DbAsync<T>(CreatorOsHost host, Func<EngagementDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EngagementDbContext>());
    }

    private static Task<HttpResponseMessage> SavePreferencesAsync(FormClient client, Dictionary<string, string> fields) =>
        client.SubmitAsync(NotificationEndpoints.PreferencesPath, "notification-preferences", fields);

    /// <summary>Every channel of every category on, in UTC, with the digest as given.</summary>
    private static Dictionary<string, string> Fields(bool digest)
    {
        var fields = new Dictionary<string, string> { ["timeZone"] = "UTC" };
        foreach (var category in NotificationCategories.All)
        {
            foreach (var channel in NotificationChannels.All)
            {
                fields[$"pref:{category}:{channel}"] = "on";
            }
        }

        if (digest)
        {
            fields["digest"] = "on";
        }

        return fields;
    }
}
