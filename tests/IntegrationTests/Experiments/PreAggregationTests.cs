using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Experiments;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.Modules.Experiments.Assignment;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

/// <summary>
/// The dashboard's fast paths give the same figures as computing from the raw rows: the per-coach
/// completion spans (kept by the daily roll-up) and the retention counts done in SQL.
/// </summary>
public sealed class PreAggregationTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Coaches_who_completed_since_a_time_match_the_raw_events_before_and_after_the_roll_up(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var todayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var random = new Random(3);
        var coaches = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToArray();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            foreach (var coach in coaches)
            {
                // Some coaches complete more than once (re-onboarding), some only today, some never.
                for (var n = random.Next(0, 4); n > 0; n--)
                {
                    var at = random.NextDouble() < 0.2 ? now.AddMinutes(-random.Next(0, 60)) : todayStart.AddDays(-random.Next(1, 20)).AddMinutes(random.Next(0, 1440));
                    db.Events.Add(Event(coach, AssistantEventNames.OnboardingCompleted, at));
                }

                db.Events.Add(Event(coach, AssistantEventNames.ConversationStarted, todayStart.AddDays(-random.Next(0, 20))));
            }

            // Exactly on day boundaries: a day's first tick belongs to that day.
            db.Events.Add(Event(coaches[0], AssistantEventNames.OnboardingCompleted, todayStart.AddDays(-5)));
            db.Events.Add(Event(coaches[1], AssistantEventNames.OnboardingCompleted, todayStart));
            await db.SaveChangesAsync();
        }

        DateTimeOffset[] sinces = [todayStart.AddDays(-30), todayStart.AddDays(-5), todayStart.AddDays(-5).AddTicks(10_000), now.AddDays(-2), todayStart, now.AddMinutes(-30)];
        for (var pass = 0; pass < 3; pass++)
        {
            if (pass == 2)
            {
                // Rolling days up again (markers lost, another node) leaves the spans as they were.
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
                await db.Rollups.ExecuteDeleteAsync();
            }

            foreach (var since in sinces)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
                var fromScratch = await db.Events.AsNoTracking()
                    .Where(e => e.EventName == AssistantEventNames.OnboardingCompleted && e.CreatedAt >= since)
                    .Select(e => e.WorkspaceId).Distinct().ToListAsync();
                var fast = await scope.ServiceProvider.GetRequiredService<IAssistantInsights>()
                    .WorkspacesWithEventSinceAsync(AssistantEventNames.OnboardingCompleted, since, CancellationToken.None);
                fast.ShouldBe(fromScratch, ignoreOrder: true, $"pass {pass}, since {since:O}");
                fromScratch.Count.ShouldBeGreaterThan(0);
            }

            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
                var events = await db.Events.AsNoTracking().Where(e => e.EventName == AssistantEventNames.OnboardingCompleted && e.CreatedAt < todayStart).ToListAsync();
                var expected = events.GroupBy(e => e.WorkspaceId).Select(g => (g.Key, g.Min(e => e.CreatedAt), g.Max(e => e.CreatedAt))).ToList();
                var spans = await db.WorkspaceEventSpans.AsNoTracking().Where(s => s.EventName == AssistantEventNames.OnboardingCompleted).ToListAsync();
                spans.Select(s => (s.WorkspaceId, s.FirstAt, s.LastAt)).ShouldBe(expected, ignoreOrder: true, "the spans hold exactly the closed days' first and last completion");
            }
        }

        // An event without spans is answered from the raw events, the same way.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            var since = todayStart.AddDays(-7);
            var fromScratch = await db.Events.AsNoTracking().Where(e => e.EventName == AssistantEventNames.ConversationStarted && e.CreatedAt >= since).Select(e => e.WorkspaceId).Distinct().ToListAsync();
            (await scope.ServiceProvider.GetRequiredService<IAssistantInsights>().WorkspacesWithEventSinceAsync(AssistantEventNames.ConversationStarted, since, CancellationToken.None))
                .ShouldBe(fromScratch, ignoreOrder: true);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Retention_counted_in_the_database_equals_the_metric_computed_from_every_fact(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var random = new Random(9);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExperimentsDbContext>();
            var facts = scope.ServiceProvider.GetRequiredService<Assigner>();
            var experiment = await db.Experiments.SingleAsync(e => e.Key == OnboardingExperiment.Key);
            string[] variants = [OnboardingExperiment.Control, "scorecard", OnboardingExperiment.Avery];
            for (var i = 0; i < 150; i++)
            {
                var unit = Guid.NewGuid().ToString("D");
                var assignedAt = now.AddDays(-random.Next(0, 200)).AddMinutes(-random.Next(0, 1440));
                db.Assignments.Add(new UnitAssignment { Id = Guid.NewGuid(), ExperimentId = experiment.Id, UnitId = unit, Variant = variants[i % 3], Version = 1, Bucket = 0.5, AssignedAt = assignedAt });
                await db.SaveChangesAsync();
                for (var n = random.Next(0, 6); n > 0; n--)
                {
                    var day = random.Next(0, 130);
                    // Window edges on purpose: exactly day 1, 7, 30, 60, 90 and 120 after assignment, and a tick before.
                    var at = random.Next(3) switch
                    {
                        0 => assignedAt.AddDays(day),
                        1 => assignedAt.AddDays(day).AddTicks(-1000),
                        _ => assignedAt.AddDays(day).AddHours(random.Next(0, 24)),
                    };
                    await facts.TrackOnceAsync(unit, MetricEvents.Active, $"r{n}", null, at, CancellationToken.None);
                }

                if (i % 4 == 0)
                {
                    await facts.TrackOnceAsync(unit, MetricEvents.StoreShared, "first", null, assignedAt.AddHours(random.Next(0, 48)), CancellationToken.None);
                }

                if (i % 5 == 0)
                {
                    await facts.TrackOnceAsync(unit, MetricEvents.OnboardingCompleted, "first", null, assignedAt.AddDays(random.Next(0, 40)), CancellationToken.None);
                }
            }
        }

        await using var read = host.Services.CreateAsyncScope();
        var calculator = read.ServiceProvider.GetRequiredService<MetricCalculator>();
        var experimentsDb = read.ServiceProvider.GetRequiredService<ExperimentsDbContext>();
        var onboarding = await experimentsDb.Experiments.AsNoTracking().SingleAsync(e => e.Key == OnboardingExperiment.Key);
        var checkedMetrics = 0;
        foreach (var metric in await calculator.DefinitionsAsync(CancellationToken.None))
        {
            if (metric.Kind != MetricKind.Conversion || metric.Source != MetricSources.Experiments)
            {
                continue;
            }

            var fromScratch = await calculator.ComputeAsync(onboarding, metric, CancellationToken.None);
            var counted = await calculator.ConversionsAsync(onboarding, metric, CancellationToken.None);
            counted.Select(v => (v.Variant, v.Units, v.Successes)).ShouldBe(fromScratch.Select(v => (v.Variant, v.Units, v.Successes)), metric.Key);
            for (var i = 0; i < counted.Count; i++)
            {
                (counted[i].Mean ?? -1).ShouldBe(fromScratch[i].Mean ?? -1, 1e-12, metric.Key);
                (counted[i].StdDev ?? -1).ShouldBe(fromScratch[i].StdDev ?? -1, 1e-9, metric.Key);
            }

            fromScratch.Sum(v => v.Successes).ShouldBeGreaterThan(0, metric.Key);
            checkedMetrics++;
        }

        checkedMetrics.ShouldBe(5, "completion_rate, share_rate_day_1, return_7d, retention_30d, retention_90d");
    }

    private static AssistantEvent Event(Guid workspace, string name, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(), WorkspaceId = workspace, UserId = workspace, EventName = name, Properties = name == AssistantEventNames.OnboardingCompleted ? """{"durationSeconds":200}""" : "{}", CreatedAt = at,
    };
}
