using System.Net;
using System.Text.RegularExpressions;
using CreatorOS.Contracts.Engagement;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Notifications;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>
/// Security and billing emails cannot be muted, so they offer no unsubscribe and say why instead;
/// every other category keeps a working unsubscribe that needs no sign-in.
/// </summary>
public sealed partial class CriticalEmailTests
{
    private const string Preferences = "http://creatoros.test/account/notifications";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_security_or_billing_email_offers_no_unsubscribe_and_says_why_it_is_always_sent(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var (_, userId, email) = await UserAsync(host, "critical-mail", provider);

        await SendAsync(host, userId, NotificationCategories.Security, "New sign-in from Firefox");
        await SendAsync(host, userId, NotificationCategories.Billing, "Your card was declined");
        (await DispatchAsync(host)).ShouldBe(2);

        foreach (var (category, subject) in new[] { (NotificationCategories.Security, "New sign-in from Firefox"), (NotificationCategories.Billing, "Your card was declined") })
        {
            var raw = TestMailbox.For(email).Single(m => m.Contains($"Subject: {subject}"));
            raw.ShouldNotContain("List-Unsubscribe");
            var readable = TestMailbox.Readable(raw);
            readable.ShouldNotContain("/notifications/unsubscribe");
            readable.ShouldNotContain("nsubscribe");

            var why = EmailTemplates.WhyAlwaysSent(category);
            why.ShouldContain("cannot be turned off");
            readable.ShouldContain($"{why}\r\nChoose what else we send you: {Preferences}", customMessage: "the text part explains and links to the settings");
            readable.ShouldContain(WebUtility.HtmlEncode(why), customMessage: "the HTML part explains too");
            readable.ShouldContain($"<a href=\"{Preferences}\"", customMessage: "the HTML part links to the settings");
        }

        TestMailbox.Readable(TestMailbox.For(email).Single(m => m.Contains("Subject: New sign-in"))).ShouldContain("your account's security");
        TestMailbox.Readable(TestMailbox.For(email).Single(m => m.Contains("Subject: Your card"))).ShouldContain("your billing and payments");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_nudges_email_keeps_its_unsubscribe_headers_and_its_link_works_without_signing_in(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var (_, userId, email) = await UserAsync(host, "nudge-mail", provider);
        await SendAsync(host, userId, NotificationCategories.Nudges, "Time to go live?");
        (await DispatchAsync(host)).ShouldBe(1);

        var raw = TestMailbox.For(email).ShouldHaveSingleItem();
        raw.ShouldContain("List-Unsubscribe: <http://creatoros.test/notifications/unsubscribe/one-click?token=");
        raw.ShouldContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        var readable = TestMailbox.Readable(raw);
        readable.ShouldNotContain("cannot be turned off");
        var link = UnsubscribeLink().Match(readable).Groups[1].Value;
        link.ShouldNotBeEmpty("the text part carries the unsubscribe link");
        readable.ShouldContain($"<a href=\"http://creatoros.test{WebUtility.HtmlEncode(link)}\"", customMessage: "the HTML part carries the same link");

        using var anonymous = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var page = await anonymous.GetAsync(link);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var action = WebUtility.HtmlDecode(FormAction().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        action.ShouldStartWith(NotificationEndpoints.UnsubscribePath);

        using var confirm = await anonymous.PostAsync(action, new FormUrlEncodedContent([]));
        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirm.Headers.Location!.OriginalString.ShouldEndWith("&done=1");
        (await anonymous.GetStringAsync(confirm.Headers.Location)).ShouldContain("You will no longer get <strong>nudges</strong> emails");
        (await DbAsync(host, db => db.Preferences.SingleAsync(p => p.UserId == userId && p.Category == NotificationCategories.Nudges && p.Channel == NotificationChannels.Email)))
            .Enabled.ShouldBeFalse();
        (await SendAsync(host, userId, NotificationCategories.Nudges, "Still there?")).Channels.ShouldNotContain(NotificationChannels.Email);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_old_unsubscribe_link_for_security_emails_explains_that_they_cannot_be_muted_and_changes_nothing(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var (_, userId, email) = await UserAsync(host, "old-link", provider);
        Should.Throw<ArgumentException>(() => host.Services.GetRequiredService<UnsubscribeTokens>().Create(userId, NotificationCategories.Security));

        // Minted the way links were before critical emails stopped carrying one: same purpose, same payload.
        var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("CreatorOS.Engagement.Unsubscribe.v1");
        var token = WebEncoders.Base64UrlEncode(protector.Protect(System.Text.Encoding.UTF8.GetBytes($"{userId:N}|{NotificationCategories.Security}")));
        using var anonymous = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await anonymous.GetAsync($"{NotificationEndpoints.UnsubscribePagePath}?token={token}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"cannot-mute\"");
        html.ShouldContain("cannot be turned off");
        html.ShouldContain($"href=\"{NotificationEndpoints.PreferencesPath}\"");
        html.ShouldNotContain("confirm-unsubscribe");

        using var oneClick = await anonymous.PostAsync($"{NotificationEndpoints.UnsubscribePath}?token={token}", new FormUrlEncodedContent([]));
        oneClick.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        oneClick.Headers.Location!.OriginalString.ShouldNotContain("done=1");
        var answer = await anonymous.GetStringAsync(oneClick.Headers.Location);
        answer.ShouldContain("data-testid=\"cannot-mute\"");
        answer.ShouldNotContain("You will no longer get");

        // A hand-made "done" link does not claim it either.
        (await anonymous.GetStringAsync($"{NotificationEndpoints.UnsubscribePagePath}?token={token}&done=1")).ShouldNotContain("You will no longer get");

        (await DbAsync(host, db => db.Preferences.CountAsync(p => p.UserId == userId))).ShouldBe(0);
        await SendAsync(host, userId, NotificationCategories.Security, "Password changed");
        (await DispatchAsync(host)).ShouldBe(1);
        TestMailbox.For(email).ShouldHaveSingleItem().ShouldContain("Subject: Password changed");
    }

    private static Task<CreatorOsHost> HostAsync(DatabaseProvider provider) =>
        CreatorOsHost.StartAsync(provider, settings: TestMailbox.Settings(new() { ["Jobs:AutoStart"] = "false" }));

    private static async Task<(FormClient Coach, Guid UserId, string Email)> UserAsync(CreatorOsHost host, string name, DatabaseProvider provider)
    {
        var email = $"{name}-{provider}-{Guid.NewGuid():N}@example.com";
        var (coach, account) = await EngagementHosts.SignedInAsync(host, email);
        return (coach, account.UserId!.Value, email);
    }

    private static async Task<NotificationReceipt> SendAsync(CreatorOsHost host, Guid userId, string category, string title)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<INotifications>()
            .SendAsync(new NotificationRequest(userId, null, category, title, "Something happened.", "/admin", $"{category}-{title}"), CancellationToken.None);
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

    [GeneratedRegex(@"Unsubscribe from these emails: http://creatoros\.test(\S+)")]
    private static partial Regex UnsubscribeLink();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
