using CreatorOS.Contracts.Jobs;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Jobs;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>A run a dead node left at "running" is shown failed; a run a live node is doing now is left alone.</summary>
public sealed class InterruptedRunTests
{
    private static CreatorOsHost Node(TestDatabase database, string name, JobGate gate, bool autoStart = true) =>
        new(database, services =>
        {
            services.AddSingleton(gate);
            services.AddScoped<IRecurringJob, BlockingJob>();
        }, new Dictionary<string, string?> { [JobNode.NameSetting] = name, ["Jobs:AutoStart"] = autoStart ? "true" : "false" }, ownsDatabase: false);

    private static async Task<JobRun> SeedRunningAsync(CreatorOsHost host, string node, TimeSpan startedAgo)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
        var started = host.Services.GetRequiredService<TimeProvider>().GetUtcNow() - startedAgo;
        var run = new JobRun
        {
            Id = Guid.CreateVersion7(),
            JobKey = "test.blocking",
            FireInstanceId = "seeded-" + Guid.NewGuid().ToString("N"),
            Node = node,
            Manual = false,
            ScheduledAt = started,
            StartedAt = started,
            Outcome = JobRun.Running,
        };
        db.JobRuns.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    private static async Task<JobRun> RunAsync(CreatorOsHost host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngagementDbContext>().JobRuns.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private static async Task<List<JobRun>> RunsOfAsync(CreatorOsHost host, string node)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngagementDbContext>().JobRuns.AsNoTracking().Where(r => r.Node == node && r.JobKey == "test.blocking").ToListAsync();
    }

    private static void ShouldBeInterrupted(JobRun run)
    {
        run.Outcome.ShouldBe(JobRun.Failed);
        run.Error.ShouldBe("Interrupted: the node stopped before the run finished.");
        run.FinishedAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(run.StartedAt);
        run.DurationMs.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_restarting_node_fails_what_its_previous_life_left_running_but_not_another_live_nodes_run(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var owned = database;
        var gate = new JobGate();

        // node-b is alive and genuinely running a job while node-a restarts. The gate opens (finally)
        // before node-b is disposed, which waits for its running job.
        await using var nodeB = Node(database, "node-b", gate);
        try
        {
            var (adminB, _) = await EngagementHosts.SignedInAsync(nodeB, "ops@example.com", platformAdmin: true);
            var page = await adminB.Http.GetStringAsync("/admin/jobs");
            using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FormClient.AntiforgeryToken(page) }))
            {
                ((int)(await adminB.Http.PostAsync("/admin/jobs/test.blocking/trigger", form)).StatusCode).ShouldBe(302);
            }

            await EngagementHosts.EventuallyAsync(async () => (await RunsOfAsync(nodeB, "node-b")).Any(r => r.Outcome == JobRun.Running), "node-b to be running the blocking job");
            var liveRun = (await RunsOfAsync(nodeB, "node-b")).Single();

            JobRun previousLife, staleOfOther, freshOfOther;
            await using (var firstLife = Node(database, "node-a", gate, autoStart: false))
            {
                previousLife = await SeedRunningAsync(firstLife, "node-a", TimeSpan.FromMinutes(2));
                staleOfOther = await SeedRunningAsync(firstLife, "node-gone", InterruptedRuns.StaleAfter + TimeSpan.FromMinutes(1));
                freshOfOther = await SeedRunningAsync(firstLife, "node-c", TimeSpan.FromMinutes(2));
            }

            await using var secondLife = Node(database, "node-a", gate);
            _ = secondLife.Services;

            ShouldBeInterrupted(await RunAsync(secondLife, previousLife.Id));
            ShouldBeInterrupted(await RunAsync(secondLife, staleOfOther.Id));
            (await RunAsync(secondLife, freshOfOther.Id)).Outcome.ShouldBe(JobRun.Running, "node-c may be alive: its run is recent and not node-a's");
            var stillRunning = await RunAsync(secondLife, liveRun.Id);
            stillRunning.Outcome.ShouldBe(JobRun.Running, "node-b is running it right now");
            stillRunning.Error.ShouldBeNull();

            gate.Open();
            await EngagementHosts.EventuallyAsync(async () => (await RunAsync(nodeB, liveRun.Id)).Outcome == JobRun.Succeeded, "node-b's run to finish");
        }
        finally
        {
            gate.Open();
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reading_the_history_fails_runs_older_than_any_run_may_take_and_leaves_recent_ones(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var owned = database;
        var gate = new JobGate();
        await using var host = Node(database, "node-a", gate);
        var (admin, _) = await EngagementHosts.SignedInAsync(host, "ops@example.com", platformAdmin: true);
        var stale = await SeedRunningAsync(host, "node-gone", InterruptedRuns.StaleAfter + TimeSpan.FromMinutes(1));
        var recent = await SeedRunningAsync(host, "node-busy", TimeSpan.FromMinutes(5));

        var runs = JobsPageView.Runs(await admin.Http.GetStringAsync("/admin/jobs?job=test.blocking"));

        var shownStale = runs.Single(r => r.Node == "node-gone");
        shownStale.Outcome.ShouldBe(JobRun.Failed);
        shownStale.Error.ShouldBe("Interrupted: the node stopped before the run finished.");
        shownStale.Duration.ShouldMatch(@"^\d+ ms$");
        var shownRecent = runs.Single(r => r.Node == "node-busy");
        shownRecent.Outcome.ShouldBe(JobRun.Running);
        shownRecent.Error.ShouldBeEmpty();
        ShouldBeInterrupted(await RunAsync(host, stale.Id));
        (await RunAsync(host, recent.Id)).Outcome.ShouldBe(JobRun.Running);
    }
}
