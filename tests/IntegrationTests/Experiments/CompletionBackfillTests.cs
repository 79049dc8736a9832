using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Experiments;
using CreatorOS.Contracts.Storefront;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

/// <summary>
/// An install upgraded past migration 0095 gets its older completions: Avery's at the time of its
/// event, a finished checklist at the store's last change, nothing for a coach who never finished,
/// nothing twice, and the backfill runs once per database.
/// </summary>
public sealed class CompletionBackfillTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Completions_from_before_0095_are_recorded_once_from_avery_events_and_finished_checklists(DatabaseProvider provider)
    {
        await using var scenario = await ExperimentScenario.StartAsync(provider);
        // The backfill of the host's own start found an empty database and marked itself done.
        await WaitForMarkerAsync(scenario);

        var (avery, control, scorecard, already) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await scenario.AssignUnitAsync(OnboardingExperiment.Key, "avery", Unit(avery));
        await scenario.AssignUnitAsync(OnboardingExperiment.Key, "control", Unit(control));
        await scenario.AssignUnitAsync(OnboardingExperiment.Key, "scorecard", Unit(scorecard));
        await scenario.AssignUnitAsync(OnboardingExperiment.Key, "control", Unit(already));
        var averyFinishedAt = scenario.Clock.GetUtcNow().AddHours(3);
        var alreadyFinishedAt = scenario.Clock.GetUtcNow().AddHours(4);
        scenario.Clock.Advance(TimeSpan.FromDays(1));

        var storeChangedAt = await scenario.InScopeAsync(async services =>
        {
            var store = services.GetRequiredService<IStorefront>();
            await store.OpenAsync(control, "Strong with Sam", CancellationToken.None);
            await store.OpenAsync(scorecard, "Calm with Kim", CancellationToken.None);
            (await store.UpdateProfileAsync(control, new ProfileChange(PreferredName: "Sam", Niche: "fitness"), CancellationToken.None)).Succeeded.ShouldBeTrue();
            (await store.SetPriceAsync(control, "GBP", 19m, CancellationToken.None)).Succeeded.ShouldBeTrue();
            await CompletionForEveryVariantTests.PhotoBlogsLiveSharedAsync(store, control, scenario.Clock.GetUtcNow());
            // Scorecard: only a photo, so neither of its checklists is done.
            (await store.UpdateProfileAsync(scorecard, new ProfileChange(PhotoUrl: "/media/kim.jpg"), CancellationToken.None)).Succeeded.ShouldBeTrue();
            return (await store.FindAsync(control, CancellationToken.None))!.UpdatedAt;
        });
        await scenario.Host.FlushEventsAsync();

        await scenario.InScopeAsync(async services =>
        {
            var assistant = services.GetRequiredService<AssistantDbContext>();
            foreach (var at in new[] { averyFinishedAt, averyFinishedAt.AddDays(2) })
            {
                assistant.Events.Add(new AssistantEvent
                {
                    Id = Guid.CreateVersion7(at), WorkspaceId = avery, UserId = avery,
                    EventName = AssistantEventNames.OnboardingCompleted, Properties = "{}", CreatedAt = at,
                });
            }

            await assistant.SaveChangesAsync();

            // As before 0095: the live handler just recorded control's checklist; a database from then has no such fact.
            var experiments = services.GetRequiredService<ExperimentsDbContext>();
            await experiments.Events.Where(e => e.EventName == MetricEvents.OnboardingCompleted).ExecuteDeleteAsync();
            await experiments.Events.AddAsync(new UnitEvent
            {
                Id = Guid.NewGuid(), UnitId = Unit(already), EventName = MetricEvents.OnboardingCompleted,
                Reference = RecordOnboardingCompletion.Reference, OccurredAt = alreadyFinishedAt,
            });
            await experiments.SaveChangesAsync();
            // A database from before the backfill existed.
            await experiments.Backfills.ExecuteDeleteAsync();
            return 0;
        });

        var recorded = await RunAsync(scenario);

        recorded.ShouldBe(2);
        var completions = await CompletionsAsync(scenario);
        completions.Count.ShouldBe(3);
        completions[Unit(avery)].ShouldBe(averyFinishedAt);
        completions[Unit(control)].ShouldBe(storeChangedAt);
        completions[Unit(already)].ShouldBe(alreadyFinishedAt);
        completions.ShouldNotContainKey(Unit(scorecard));

        // Done once: a second run (another start, another node) changes nothing.
        (await RunAsync(scenario)).ShouldBeNull();
        (await CompletionsAsync(scenario)).Count.ShouldBe(3);

        var report = await scenario.ReportAsync(OnboardingExperiment.Key, BuiltInMetrics.CompletionRate);
        report!.Variants.Select(v => (v.Variant, v.Metric.Units, v.Metric.Successes))
            .ShouldBe([("control", 2L, 2L), ("scorecard", 1L, 0L), ("avery", 1L, 1L)]);
    }

    private static string Unit(Guid workspace) => workspace.ToString("D");

    private static Task<int?> RunAsync(ExperimentScenario scenario) =>
        scenario.InScopeAsync(services => services.GetRequiredService<CompletionBackfill>().RunOnceAsync(CancellationToken.None));

    private static Task<Dictionary<string, DateTimeOffset>> CompletionsAsync(ExperimentScenario scenario) =>
        scenario.InScopeAsync(services => services.GetRequiredService<ExperimentsDbContext>().Events.AsNoTracking()
            .Where(e => e.EventName == MetricEvents.OnboardingCompleted)
            .ToDictionaryAsync(e => e.UnitId, e => e.OccurredAt));

    private static async Task WaitForMarkerAsync(ExperimentScenario scenario)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await scenario.InScopeAsync(services => services.GetRequiredService<ExperimentsDbContext>().Backfills.AnyAsync(b => b.Name == CompletionBackfill.Name)))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The start-up backfill did not mark itself done within 10 s.");
    }
}
