using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.Modules.Experiments.Reports;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

/// <summary>Time to first blog is better lower: the results page, the verdict and its CSV say the faster variant is better.</summary>
public sealed class MetricDirectionTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_faster_time_to_first_blog_is_better_and_wins(DatabaseProvider provider)
    {
        await using var scenario = await ExperimentScenario.StartAsync(provider);
        await scenario.CreateAsync("blog_speed", [new("control", 50), new("avery", 50)], "time_to_first_blog");
        var control = await scenario.AssignAsync("blog_speed", "control", 150, "u");
        var avery = await scenario.AssignAsync("blog_speed", "avery", 150, "u");
        await scenario.InScopeAsync(async services =>
        {
            var facts = services.GetRequiredService<Modules.Experiments.Assignment.Assigner>();
            var at = scenario.Clock.GetUtcNow();
            for (var i = 0; i < 150; i++)
            {
                await facts.TrackOnceAsync(control[i], MetricEvents.BlogPublished, "b1", null, at.AddMinutes(200 + (i % 5 * 20)), CancellationToken.None);
                await facts.TrackOnceAsync(avery[i], MetricEvents.BlogPublished, "b1", null, at.AddMinutes(40 + (i % 5 * 10)), CancellationToken.None);
            }

            return 0;
        });
        scenario.Clock.Advance(TimeSpan.FromDays(14));

        var report = await scenario.ReportAsync("blog_speed");

        report.Metric.HigherIsBetter.ShouldBeFalse();
        var row = report.Variants[1];
        row.MeanDifference.ShouldNotBeNull().Difference.ShouldBe(-180, tolerance: 1e-9);
        row.Better.ShouldBe(true);
        row.ChanceToBeatControl.ShouldNotBeNull().ShouldBeGreaterThan(0.999);
        report.Verdict.ShouldNotBeNull().Winner.ShouldBe("avery");
        var table = ResultsTable.From(report);
        table.Rows[1][table.Columns.ToList().IndexOf("better_than_control")].ShouldBe("better");
    }
}
