using CreatorOS.Contracts.Experiments;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Experiments.Definitions;
using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

/// <summary>After a weight edit, results compare the current version's units only, over that version's run time.</summary>
public sealed class VersionedResultsTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Results_and_the_verdict_count_only_the_current_versions_units_and_time(DatabaseProvider provider)
    {
        await using var scenario = await ExperimentScenario.StartAsync(provider);
        await scenario.CreateAsync("share_v1", [new("control", 50), new("nudge", 50)], "share_rate_day_1");
        var earlyNudge = await scenario.AssignAsync("share_v1", "nudge", 30, "v1");
        var earlyControl = await scenario.AssignAsync("share_v1", "control", 30, "v1");
        await scenario.TrackAsync(earlyNudge, MetricEvents.StoreShared, TimeSpan.FromHours(1));

        scenario.Clock.Advance(TimeSpan.FromDays(10));
        var edited = await scenario.InScopeAsync(services => services.GetRequiredService<ExperimentCatalog>().UpdateAsync(
            "share_v1", new ExperimentDraft("share_v1", "share_v1", null, [new("control", 40), new("nudge", 60)], "share_rate_day_1", [], false), confirmNewVersion: true, CancellationToken.None));
        edited.Experiment!.Version.ShouldBe(2);
        scenario.Clock.Advance(TimeSpan.FromDays(2));
        var lateControl = await scenario.AssignAsync("share_v1", "control", 20, "v2");
        var lateNudge = await scenario.AssignAsync("share_v1", "nudge", 30, "v2");
        await scenario.TrackAsync(lateControl.Take(5), MetricEvents.StoreShared, TimeSpan.FromHours(1));
        await scenario.InScopeAsync(async services =>
        {
            var experiments = services.GetRequiredService<IExperiments>();
            await experiments.RecordExposureAsync("share_v1", earlyNudge[0], "nudge", CancellationToken.None);
            await experiments.RecordExposureAsync("share_v1", lateNudge[0], "nudge", CancellationToken.None);
            return 0;
        });
        scenario.Clock.Advance(TimeSpan.FromDays(1));

        var report = await scenario.ReportAsync("share_v1");

        var control = report.Variants[0];
        var nudge = report.Variants[1];
        (control.Assigned, control.AssignedThisVersion, control.Metric.Units, control.Metric.Successes).ShouldBe((50L, 20L, 20L, 5L));
        (nudge.Assigned, nudge.AssignedThisVersion, nudge.Metric.Units, nudge.Metric.Successes).ShouldBe((60L, 30L, 30L, 0L));
        nudge.Exposed.ShouldBe(1);
        report.DaysRunning.ShouldBe(3, tolerance: 1e-9);
        report.Verdict.ShouldNotBeNull().Status.ShouldBe("keep_running");
        report.Verdict.Reasons.ShouldContain(r => r.Contains("Ran 3.0 of at least 7 days"));
        earlyControl.Count.ShouldBe(30);
    }
}
