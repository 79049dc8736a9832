using CreatorOS.BrowserTests.Support;
using CreatorOS.IntegrationTests.Social;
using Microsoft.Playwright;

namespace CreatorOS.BrowserTests.Social;

/// <summary>
/// The OAuth popup in Chromium: the chat opens the sign-in window, the (fake) platform approves and
/// redirects back, the callback page tells the chat and closes, and Avery carries on with the posts.
/// </summary>
public sealed class SocialPopupBrowserTests
{
    [Fact]
    public async Task Connecting_Instagram_in_a_popup_brings_the_top_posts_into_the_store()
    {
        await using var fake = await FakePlatforms.StartAsync();
        fake.Posts["instagram"].AddRange(
        [
            new("ig-1", "Three breathing drills before your heavy lifts", Likes: 50, Comments: 5),
            new("ig-2", "Why I stopped counting every calorie this year", Likes: 80, Comments: 1),
            new("ig-3", "A quick note on sleep and recovery for lifters", Likes: 10),
        ]);
        await using var session = await BrowserSession.StartAsync(settings: fake.Settings());
        var page = session.Page;
        await page.GotoAsync("/account/signup");
        await page.GetByLabel("Business name").FillAsync("Strong with Sam");
        await page.GetByLabel("Email").FillAsync("sam@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my store" }).ClickAsync();
        await page.WaitForURLAsync("**/avery");

        var lastAvery = page.GetByTestId("avery-message").Last;
        await Expect(lastAvery, "call you");
        await SayAsync(page, "Sam");
        await Expect(page.GetByTestId("preview-hero"), "Sam");
        await SayAsync(page, "I'm a strength coach for busy parents");
        await Expect(lastAvery, "Instagram");
        await ClickAsync(page, "Connect Instagram");
        await Expect(lastAvery, "new window");

        var popup = await page.RunAndWaitForPopupAsync(() => ClickAsync(page, "Connect Instagram"));
        // The callback page posts oauth_complete to the chat and closes itself.
        for (var waited = 0; !popup.IsClosed; waited += 100)
        {
            waited.ShouldBeLessThan(15_000, "the sign-in window should close itself");
            await Task.Delay(100);
        }

        await Expect(lastAvery, "Instagram connected");
        await session.ScreenshotAsync("20-social-connected");
        await ClickAsync(page, "Turn my posts into blogs");
        await Expect(lastAvery, "drafts");
        await ClickAsync(page, "Publish all");
        await page.GetByTestId("preview-blog").Nth(2).WaitForAsync();
        await session.ScreenshotAsync("21-social-published");

        var store = await session.Host.Services.GetStoreAsync("strong-with-sam");
        store.Blogs.Select(b => b.SourcePostId).Order().ShouldBe(["ig-1", "ig-2", "ig-3"]);
        store.Blogs.ShouldAllBe(b => b.Status == "published");
    }

    private static async Task SayAsync(IPage page, string text)
    {
        await page.GetByTestId("avery-input").FillAsync(text);
        await page.GetByTestId("avery-send").ClickAsync();
    }

    private static async Task ClickAsync(IPage page, string label)
    {
        var button = page.GetByTestId("avery-button").Filter(new() { HasText = label }).Last;
        await button.WaitForAsync();
        await button.ClickAsync();
    }

    private static async Task Expect(ILocator locator, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await locator.CountAsync() > 0 && (await locator.InnerTextAsync()).Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{text}' did not appear; saw: {(await locator.CountAsync() > 0 ? await locator.InnerTextAsync() : "(nothing)")}");
            }

            await Task.Delay(100);
        }
    }
}
