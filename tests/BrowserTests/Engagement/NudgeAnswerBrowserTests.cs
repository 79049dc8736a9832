using CreatorOS.BrowserTests.Support;
using CreatorOS.IntegrationTests.Engagement;
using Microsoft.Playwright;

namespace CreatorOS.BrowserTests.Engagement;

/// <summary>A nudge arrives live in Avery's chat; tapping its button records the answer through the nudge endpoint.</summary>
public sealed class NudgeAnswerBrowserTests
{
    [Fact]
    public async Task Tapping_snooze_3_days_on_a_live_nudge_records_the_answer_and_schedules_it_again()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        await page.GotoAsync("/account/signup");
        await page.GetByLabel("Business name").FillAsync("Snooze Fitness");
        await page.GetByLabel("Email").FillAsync("snooze@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my store" }).ClickAsync();
        await page.WaitForURLAsync("**/avery");
        await page.GetByTestId("avery-message").Last.Filter(new() { HasText = "call you" }).WaitForAsync();

        var nudgeId = await NudgeSeeds.SendChurnNudgeAsync(session.Host.Services, "snooze@example.com");
        await page.GetByTestId("avery-message").Last.Filter(new() { HasText = "your next session" }).WaitForAsync();
        var snooze = page.GetByTestId("avery-button").Filter(new() { HasText = "Snooze 3 days" }).Last;
        await snooze.ClickAsync();

        // The POST is asynchronous; wait (bounded) until the server has it.
        (string? Response, bool Snoozed) answer = (null, false);
        await EngagementWaits.UntilAsync(async () => (answer = await NudgeSeeds.AnswerAsync(session.Host.Services, nudgeId)).Response is not null);
        answer.ShouldBe(("snooze_nudge", true));
    }
}
