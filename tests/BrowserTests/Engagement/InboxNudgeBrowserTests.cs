using CreatorOS.BrowserTests.Support;
using CreatorOS.Contracts.Accounts;
using CreatorOS.IntegrationTests.Engagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CreatorOS.BrowserTests.Engagement;

/// <summary>A nudge that reached the inbox (Avery was closed) shows its buttons there; a click answers it.</summary>
public sealed class InboxNudgeBrowserTests
{
    private const string Email = "inbox-nudge@example.com";

    [Fact]
    public async Task Answering_a_nudge_in_the_inbox_records_it_shows_it_answered_and_a_request_for_Avery_opens_Avery()
    {
        await using var session = await BrowserSession.StartAsync();
        await using (var scope = session.Host.Services.CreateAsyncScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<IAccountRegistration>()
                .RegisterCoachAsync(new CoachRegistration(Email, "correct horse battery", "Inbox Fitness"), CancellationToken.None);
            account.Succeeded.ShouldBeTrue(string.Join("; ", account.Errors));
        }

        await session.Host.FlushEventsAsync();
        var churnId = await NudgeSeeds.SendChurnNudgeAsync(session.Host.Services, Email);
        var socialId = await NudgeSeeds.SendSocialPostNudgeAsync(session.Host.Services, Email);

        var page = session.Page;
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        await page.GotoAsync("/notifications");

        var churn = page.Locator($"[data-nudge='{churnId}']");
        (await churn.GetAttributeAsync("data-answered")).ShouldBe("false");
        (await churn.GetByRole(AriaRole.Button).AllInnerTextsAsync()).ShouldBe(["Schedule a session", "Snooze 3 days"]);
        await churn.GetByRole(AriaRole.Button, new() { Name = "Snooze 3 days" }).ClickAsync();

        // A "skip" answer comes back to the inbox, where the nudge now shows as answered.
        await page.WaitForSelectorAsync($"[data-nudge='{churnId}'][data-answered='true']");
        (await NudgeSeeds.AnswerAsync(session.Host.Services, churnId)).ShouldBe(("snooze_nudge", true));
        (await churn.GetByTestId("nudge-answered").InnerTextAsync()).ShouldBe("Answered");
        (await churn.GetByRole(AriaRole.Button, new() { Name = "Snooze 3 days" }).GetAttributeAsync("aria-pressed")).ShouldBe("true");
        foreach (var button in await churn.GetByRole(AriaRole.Button).AllAsync())
        {
            (await button.IsDisabledAsync()).ShouldBeTrue("an answered nudge cannot be answered again");
        }

        await session.ScreenshotAsync("42-inbox-nudge-answered");

        // "Turn it into a blog" asks Avery to act, so it is recorded and Avery opens.
        var social = page.Locator($"[data-nudge='{socialId}']");
        await social.GetByRole(AriaRole.Button, new() { Name = "Turn it into a blog" }).ClickAsync();
        await page.WaitForURLAsync("**/avery");
        (await NudgeSeeds.AnswerAsync(session.Host.Services, socialId)).Response.ShouldBe("draft_social_blogs");

        await page.GotoAsync("/notifications");
        (await page.Locator($"[data-nudge='{socialId}']").GetAttributeAsync("data-answered")).ShouldBe("true");
    }
}
