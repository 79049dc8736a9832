using CreatorOS.Contracts.Experiments;
using CreatorOS.Contracts.Storefront;
using CreatorOS.IntegrationTests.Social;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

/// <summary>The scorecard variant's widget shows the five items from the store's and the social connections' real state.</summary>
public sealed class ScorecardWidgetTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Connected_socials_tick_their_item_and_five_of_five_records_the_completion(DatabaseProvider provider)
    {
        await using var social = await SocialHarness.StartAsync(provider);
        var workspace = await social.WorkspaceIdAsync();
        var unit = workspace.ToString("D");
        await social.InScopeAsync(services => services.GetRequiredService<ExperimentsDbContext>().Assignments
            .Where(a => a.UnitId == unit).ExecuteUpdateAsync(a => a.SetProperty(x => x.Variant, OnboardingExperiment.Scorecard)));

        var before = await social.Avery.Http.GetStringAsync("/admin");
        before.ShouldContain("data-testid=\"scorecard-widget\"");
        before.ShouldContain("0 of 5 done");

        await social.InScopeAsync(async services =>
        {
            await CompletionForEveryVariantTests.PhotoBlogsLiveSharedAsync(services.GetRequiredService<IStorefront>(), workspace, DateTimeOffset.UtcNow);
            return 0;
        });
        await social.Avery.Host.FlushEventsAsync();
        (await social.Avery.Http.GetStringAsync("/admin")).ShouldContain("4 of 5 done");
        (await CompletionsAsync(social, unit)).ShouldBe(0, "socials are not connected yet");

        SocialHarness.Outcome(await social.ConnectAsync("instagram")).ShouldBe("connected");
        var after = await social.Avery.Http.GetStringAsync("/admin");

        after.ShouldContain("5 of 5 done");
        after.ShouldContain("Connect your socials</a>\n                    <small class=\"muted\">Connected</small>", Case.Sensitive);
        (await CompletionsAsync(social, unit)).ShouldBe(1);
    }

    private static Task<int> CompletionsAsync(SocialHarness social, string unit) =>
        social.InScopeAsync(services => services.GetRequiredService<ExperimentsDbContext>().Events.CountAsync(e => e.UnitId == unit && e.EventName == MetricEvents.OnboardingCompleted));
}
