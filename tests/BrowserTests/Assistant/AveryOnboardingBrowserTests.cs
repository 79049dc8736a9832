using CreatorOS.BrowserTests.Support;
using Microsoft.Playwright;

namespace CreatorOS.BrowserTests.Assistant;

/// <summary>
/// The whole onboarding in Chromium, as a coach does it: typing and clicking in the chat,
/// uploading a photo, and watching the live preview change beside the conversation.
/// </summary>
public sealed class AveryOnboardingBrowserTests
{
    [Fact]
    public async Task A_coach_completes_onboarding_in_the_browser_and_sees_the_preview_follow()
    {
        await using var session = await BrowserSession.StartAsync(settings: new Dictionary<string, string?> { ["Assistant:ModeChangeDelay"] = "00:00:01" });
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
        await session.ScreenshotAsync("10-avery-name");

        await SayAsync(page, "I'm a strength coach for busy parents");
        await Expect(lastAvery, "Instagram");
        await ClickAsync(page, "Skip");
        await ClickAsync(page, "Write my blogs");
        await page.GetByTestId("preview-blog").Nth(2).WaitForAsync();
        (await page.GetByTestId("preview-blog").CountAsync()).ShouldBe(3);
        await session.ScreenshotAsync("11-avery-blogs");

        await Expect(page.GetByTestId("preview-hero"), "Hi, I'm Sam");
        await ClickAsync(page, "Looks great");
        await Expect(lastAvery, "photo");
        var photo = Path.Combine(Path.GetTempPath(), $"coach-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(photo, Png(320, 240));
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByTestId("avery-button").Filter(new() { HasText = "Upload" }).Last.ClickAsync());
        await chooser.SetFilesAsync(photo);
        await page.GetByTestId("preview-hero").Locator("img").WaitForAsync();

        await Expect(lastAvery, "charge");
        await SayAsync(page, "I was thinking £12.99");
        await Expect(page.GetByTestId("preview-pricing"), "12.99");
        await session.ScreenshotAsync("12-avery-pricing");

        await ClickAsync(page, "shared it");
        await ClickAsync(page, "Schedule");
        await Expect(lastAvery, "You did it, Sam!");
        await session.ScreenshotAsync("13-avery-complete");
        await page.WaitForURLAsync("**/admin", new() { Timeout = 15_000 });

        var store = await session.Host.Services.GetStoreAsync("strong-with-sam");
        store.Price!.Amount.ShouldBe(12.99m);
        store.IsShared.ShouldBeTrue();
        store.LiveSessions.ShouldNotBeEmpty();
        store.Profile.PhotoUrl.ShouldNotBeNull();
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

    private static byte[] Png(int width, int height) => CreatorOS.IntegrationTests.Assistant.TestImages.Png(width, height);
}
