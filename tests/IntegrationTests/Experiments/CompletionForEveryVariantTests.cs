using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Experiments;
using CreatorOS.Contracts.Privacy;
using CreatorOS.Contracts.Storefront;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

/// <summary>completion_rate counts each variant's way of finishing onboarding, not only Avery's.</summary>
public sealed class CompletionForEveryVariantTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Control_completes_on_the_dashboard_checklist_and_avery_by_its_conversation_and_both_count(DatabaseProvider provider)
    {
        await using var scenario = await ExperimentScenario.StartAsync(provider);
        var (control, scorecard, avery, idle) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await scenario.AssignUnitAsync(OnboardingExperiment.Key, "control", control.ToString("D"));
        await scenario.AssignUnitAsync(OnboardingExperiment.Key, "scorecard", scorecard.ToString("D"));
        await scenario.AssignUnitAsync(OnboardingExperiment.Key, "avery", avery.ToString("D"));
        await scenario.AssignUnitAsync(OnboardingExperiment.Key, "control", idle.ToString("D"));
        scenario.Clock.Advance(TimeSpan.FromHours(1));

        await scenario.InScopeAsync(async services =>
        {
            var store = services.GetRequiredService<IStorefront>();
            foreach (var workspace in new[] { control, scorecard, avery, idle })
            {
                await store.OpenAsync(workspace, "Strong with Sam", CancellationToken.None);
            }

            await FinishDashboardChecklistAsync(store, control, scenario.Clock.GetUtcNow());
            // Scorecard's items but no socials and no price/name: neither of its checklists is done.
            await PhotoBlogsLiveSharedAsync(store, scorecard, scenario.Clock.GetUtcNow());
            return 0;
        });
        await scenario.Host.FlushEventsAsync();
        await scenario.InScopeAsync(async services =>
        {
            var handler = services.GetServices<IIntegrationEventHandler<OnboardingCompleted>>().Single(h => h is RecordOnboardingCompletion);
            await handler.HandleAsync(new OnboardingCompleted(Guid.NewGuid(), scenario.Clock.GetUtcNow(), avery, avery), CancellationToken.None);
            await handler.HandleAsync(new OnboardingCompleted(Guid.NewGuid(), scenario.Clock.GetUtcNow().AddMinutes(5), avery, avery), CancellationToken.None);
            return 0;
        });
        await scenario.Host.FlushEventsAsync();

        var completed = await scenario.InScopeAsync(services => services.GetRequiredService<ExperimentsDbContext>().Events.AsNoTracking()
            .Where(e => e.EventName == MetricEvents.OnboardingCompleted).Select(e => e.UnitId).ToListAsync());
        completed.ShouldBe([control.ToString("D"), avery.ToString("D")], ignoreOrder: true);

        var report = await scenario.ReportAsync(OnboardingExperiment.Key, "completion_rate");
        report.Variants.Select(v => (v.Variant, v.Metric.Units, v.Metric.Successes)).ShouldBe([("control", 2L, 1L), ("scorecard", 1L, 0L), ("avery", 1L, 1L)]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_completion_erased_with_the_coachs_data_is_recorded_again_when_they_finish_again(DatabaseProvider provider)
    {
        await using var scenario = await ExperimentScenario.StartAsync(provider);
        var workspace = Guid.NewGuid();
        var unit = workspace.ToString("D");
        await scenario.AssignUnitAsync(OnboardingExperiment.Key, "control", unit);
        await scenario.InScopeAsync(async services =>
        {
            var store = services.GetRequiredService<IStorefront>();
            await store.OpenAsync(workspace, "Strong with Sam", CancellationToken.None);
            await FinishDashboardChecklistAsync(store, workspace, scenario.Clock.GetUtcNow());
            return 0;
        });
        await scenario.Host.FlushEventsAsync();
        (await CompletionsAsync(scenario, unit)).ShouldBe(1);

        // Later changes find it recorded (this node remembers, and reads nothing more for it).
        (await scenario.InScopeAsync(services => services.GetRequiredService<IStorefront>().SetPriceAsync(workspace, "GBP", 21m, CancellationToken.None))).Succeeded.ShouldBeTrue();
        await scenario.Host.FlushEventsAsync();
        (await CompletionsAsync(scenario, unit)).ShouldBe(1);

        await scenario.InScopeAsync(async services =>
        {
            var owner = services.GetServices<IPersonalDataOwner>().Single(o => o.Module == "experiments");
            await owner.EraseAsync(new DataSubject(Guid.NewGuid(), [workspace]), CancellationToken.None);
            return 0;
        });
        (await CompletionsAsync(scenario, unit)).ShouldBe(0);

        await scenario.AssignUnitAsync(OnboardingExperiment.Key, "control", unit);
        (await scenario.InScopeAsync(services => services.GetRequiredService<IStorefront>().SetPriceAsync(workspace, "GBP", 22m, CancellationToken.None))).Succeeded.ShouldBeTrue();
        await scenario.Host.FlushEventsAsync();
        (await CompletionsAsync(scenario, unit)).ShouldBe(1, "the erased completion is not remembered as recorded");
    }

    private static Task<int> CompletionsAsync(ExperimentScenario scenario, string unit) =>
        scenario.InScopeAsync(services => services.GetRequiredService<ExperimentsDbContext>().Events.AsNoTracking()
            .CountAsync(e => e.EventName == MetricEvents.OnboardingCompleted && e.UnitId == unit));

    internal static async Task PhotoBlogsLiveSharedAsync(IStorefront store, Guid workspace, DateTimeOffset now)
    {
        (await store.UpdateProfileAsync(workspace, new ProfileChange(PhotoUrl: "/media/sam.jpg"), CancellationToken.None)).Succeeded.ShouldBeTrue();
        for (var i = 1; i <= 3; i++)
        {
            (await store.AddBlogAsync(workspace, new BlogDraft($"Blog {i}", $"Body of blog {i}.", Publish: true), CancellationToken.None)).Succeeded.ShouldBeTrue();
        }

        (await store.ScheduleLiveSessionAsync(workspace, "Live Q&A", now.AddDays(2), CancellationToken.None)).Succeeded.ShouldBeTrue();
        (await store.MarkSharedAsync(workspace, CancellationToken.None)).Succeeded.ShouldBeTrue();
    }

    private static async Task FinishDashboardChecklistAsync(IStorefront store, Guid workspace, DateTimeOffset now)
    {
        (await store.UpdateProfileAsync(workspace, new ProfileChange(PreferredName: "Sam", Niche: "fitness"), CancellationToken.None)).Succeeded.ShouldBeTrue();
        (await store.SetPriceAsync(workspace, "GBP", 19m, CancellationToken.None)).Succeeded.ShouldBeTrue();
        await PhotoBlogsLiveSharedAsync(store, workspace, now);
    }
}
