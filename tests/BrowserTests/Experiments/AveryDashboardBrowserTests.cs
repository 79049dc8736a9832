using CreatorOS.BrowserTests.Support;
using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Experiments;
using CreatorOS.IntegrationTests.Experiments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CreatorOS.BrowserTests.Experiments;

public sealed class AveryDashboardBrowserTests
{
    [Fact]
    public async Task A_platform_admin_reads_the_avery_dashboard_and_an_experiments_results_in_chromium()
    {
        await using var session = await BrowserSession.StartAsync(settings: new Dictionary<string, string?> { ["Experiments:Forced:onboarding_v1"] = null });
        await using (var scope = session.Host.Services.CreateAsyncScope())
        {
            var registration = scope.ServiceProvider.GetRequiredService<IAccountRegistration>();
            (await registration.RegisterCoachAsync(new CoachRegistration("ops@example.com", "correct horse battery", "Platform", IsPlatformAdmin: true), CancellationToken.None)).Succeeded.ShouldBeTrue();
        }

        await DashboardSeed.SeedAsync(session.Host.Services);
        var page = session.Page;
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync("ops@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));

        await page.GotoAsync("/admin/avery-dashboard?days=30");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('canvas[data-chart]').length > 0 && [...document.querySelectorAll('canvas[data-chart]')].every(c => c.dataset.drawn === 'true')");
        var drawn = await page.Locator("canvas[data-drawn='true']").CountAsync();
        // The nudge panel reads Engagement's nudges (none are seeded here; NudgeReportTests covers it).
        drawn.ShouldBeGreaterThanOrEqualTo(8, "every panel with data draws its chart");
        (await page.Locator("canvas[data-drawn='failed']").CountAsync()).ShouldBe(0);
        foreach (var panel in new[] { "funnel", "completion", "duration", "functions", "input", "skips", "cost", "retention" })
        {
            (await page.GetByTestId($"panel-{panel}").Locator("tbody tr").CountAsync()).ShouldBeGreaterThan(0, $"panel {panel} has rows");
        }

        (await page.GetByTestId("panel-funnel").Locator("tbody tr").First.TextContentAsync())!.ShouldContain("started");
        await session.ScreenshotAsync("30-avery-dashboard");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv-funnel").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.ShouldStartWith("phase,coaches,drop_off_pct");

        await page.GotoAsync($"/admin/experiments/{OnboardingExperiment.Key}");
        await page.WaitForFunctionAsync("() => document.querySelector('#chart-results')?.dataset.drawn === 'true'");
        var results = page.GetByTestId("panel-results");
        (await results.Locator("tbody tr").CountAsync()).ShouldBe(3);
        (await page.GetByTestId("verdict").TextContentAsync())!.ShouldContain("Keep running");
        await session.ScreenshotAsync("31-experiment-results");

        await page.GetByTestId("kill-switch").ClickAsync();
        await page.GetByTestId("experiment-state").Filter(new() { HasText = "KILLED" }).WaitForAsync();
        await using (var scope = session.Host.Services.CreateAsyncScope())
        {
            var decision = await scope.ServiceProvider.GetRequiredService<IExperiments>().AssignAsync(OnboardingExperiment.Key, Guid.NewGuid().ToString("D"), null, CancellationToken.None);
            decision.Reason.ShouldBe("killed");
        }
    }
}
