using CreatorOS.BrowserTests.Support;
using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Engagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CreatorOS.BrowserTests.Engagement;

/// <summary>The bell in the top bar and the inbox behind it, in Chromium: unread badge, live over SSE, mark read.</summary>
public sealed class NotificationBellBrowserTests
{
    private const string Badge = "[data-testid='unread-badge']";

    [Fact]
    public async Task A_coach_sees_the_unread_badge_get_a_live_notification_read_it_in_the_inbox_and_the_badge_clear()
    {
        await using var session = await BrowserSession.StartAsync();
        RegistrationResult account;
        await using (var scope = session.Host.Services.CreateAsyncScope())
        {
            account = await scope.ServiceProvider.GetRequiredService<IAccountRegistration>()
                .RegisterCoachAsync(new CoachRegistration("bell@example.com", "correct horse battery", "Bell Fitness"), CancellationToken.None);
            account.Succeeded.ShouldBeTrue(string.Join("; ", account.Errors));
        }

        await NotifyAsync(session, account, "first", "You hit 10 subscribers", "That's £99.90/month.");

        var page = session.Page;
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync("bell@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));

        await page.GotoAsync("/account/notifications");
        await BadgeShowsAsync(page, "1");
        (await page.GetByTestId("bell").GetAttributeAsync("aria-label")).ShouldBe("Notifications, 1 unread");

        // Sent while the page is open: the badge follows over Server-Sent Events, no reload.
        var opened = page.Url;
        await NotifyAsync(session, account, "second", "Your latest post is doing great", "Want me to turn it into a blog?");
        await BadgeShowsAsync(page, "2");
        page.Url.ShouldBe(opened);
        await session.ScreenshotAsync("40-bell-live-badge");

        // The exact path: the glob "**/notifications" already matched this page (/account/notifications),
        // so the wait raced the bell's navigation and once timed out in CI waiting on the old page's load.
        await page.GetByTestId("bell").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/notifications");
        var inbox = page.GetByTestId("inbox");
        (await inbox.Locator("li[data-read='false']").CountAsync()).ShouldBe(2);
        (await inbox.InnerTextAsync()).ShouldContain("Your latest post is doing great");
        (await inbox.InnerTextAsync()).ShouldContain("You hit 10 subscribers");

        await inbox.Locator("li", new() { HasText = "Your latest post is doing great" }).GetByTestId("mark-read").ClickAsync();
        await page.WaitForURLAsync("**/notifications");
        await BadgeShowsAsync(page, "1");
        (await inbox.Locator("li[data-read='true']").InnerTextAsync()).ShouldContain("Your latest post is doing great");

        await page.GetByTestId("read-all").ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelectorAll(\"[data-testid='inbox'] li[data-read='true']\").length === 2");
        await page.WaitForFunctionAsync($"() => {{ const b = document.querySelector(\"{Badge}\"); return b.hidden && b.textContent === '0' && b.closest('[data-notification-bell]').dataset.count === '0'; }}");
        (await page.GetByTestId("read-all").CountAsync()).ShouldBe(0, "nothing left to mark");
        await session.ScreenshotAsync("41-inbox-all-read");
    }

    private static async Task NotifyAsync(BrowserSession session, RegistrationResult account, string key, string title, string body)
    {
        await using var scope = session.Host.Services.CreateAsyncScope();
        var receipt = await scope.ServiceProvider.GetRequiredService<INotifications>().SendAsync(
            new NotificationRequest(account.UserId!.Value, account.WorkspaceId, NotificationCategories.Nudges, title, body, "/avery", "bell-test:" + key), CancellationToken.None);
        receipt.Channels.ShouldContain(NotificationChannels.InApp);
    }

    /// <summary>Waits (Playwright's default timeout) until the badge is shown with this count.</summary>
    private static async Task BadgeShowsAsync(IPage page, string count) =>
        await page.WaitForFunctionAsync($"() => {{ const b = document.querySelector(\"{Badge}\"); return b && !b.hidden && b.textContent === '{count}'; }}");
}
