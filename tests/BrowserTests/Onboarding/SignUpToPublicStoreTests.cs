using CreatorOS.BrowserTests.Support;
using Microsoft.Playwright;

namespace CreatorOS.BrowserTests.Onboarding;

/// <summary>A coach signs up in a real browser, sets up the profile and sees it on the public store.</summary>
public sealed class SignUpToPublicStoreTests
{
    [Fact]
    public async Task A_coach_signs_up_sets_a_profile_and_sees_it_on_the_public_store()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create your store" }).First.ClickAsync();
        await page.GetByLabel("Business name").FillAsync("Strong with Sam");
        await page.GetByLabel("Email").FillAsync("sam@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my store" }).ClickAsync();

        await page.WaitForURLAsync("**/avery");
        await page.GotoAsync("/admin");
        (await page.GetByTestId("store-link").TextContentAsync()).ShouldBe("/s/strong-with-sam");
        await session.ScreenshotAsync("01-dashboard-after-sign-up");

        await page.GotoAsync("/admin/store");
        var profile = page.GetByTestId("profile-form");
        await profile.GetByLabel("Your name").FillAsync("Sam");
        await profile.GetByLabel("Niche").SelectOptionAsync("fitness");
        await profile.GetByLabel("Bio").FillAsync("I help busy parents get strong in three short sessions a week.");
        await profile.GetByRole(AriaRole.Button).ClickAsync();
        await page.GetByTestId("notice").WaitForAsync();
        await session.ScreenshotAsync("02-store-settings");

        await page.GotoAsync("/s/strong-with-sam");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sam" }).WaitForAsync();
        (await page.ContentAsync()).ShouldContain("I help busy parents get strong in three short sessions a week.");
        await session.ScreenshotAsync("03-public-store");
    }

    [Fact]
    public async Task The_public_store_fits_a_phone_screen()
    {
        await using var session = await BrowserSession.StartAsync(viewportWidth: 390);
        var page = session.Page;
        await page.GotoAsync("/account/signup");
        await page.GetByLabel("Business name").FillAsync("Calm with Alex");
        await page.GetByLabel("Email").FillAsync("alex@example.org");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my store" }).ClickAsync();
        await page.WaitForURLAsync("**/avery");

        await page.GotoAsync("/s/calm-with-alex");

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        overflow.ShouldBeFalse("the store page must not scroll sideways on a phone");
        await session.ScreenshotAsync("04-public-store-phone");
    }
}
