using System.Net;
using CreatorOS.Contracts.Jobs;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Jobs;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>Quartz runs every registered IRecurringJob; the platform admin sees and drives them on /admin/jobs.</summary>
public sealed class JobsDashboardTests
{
    private static Task<CreatorOsHost> HostAsync(DatabaseProvider provider, JobLedger ledger) =>
        CreatorOsHost.StartAsync(provider, services =>
        {
            services.AddSingleton(ledger);
            services.AddScoped<IRecurringJob, CountingJob>();
            services.AddScoped<IRecurringJob, FailingJob>();
            services.AddScoped<IRecurringJob, MalformedScheduleJob>();
        });

    private static async Task<List<JobRun>> RunsAsync(CreatorOsHost host, string key)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngagementDbContext>().JobRuns.AsNoTracking().Where(r => r.JobKey == key).ToListAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(FormClient admin, string action)
    {
        var page = await admin.Http.GetStringAsync("/admin/jobs");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FormClient.AntiforgeryToken(page) });
        return await admin.Http.PostAsync(action, form);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Admin_sees_schedules_triggers_a_run_and_reads_its_history(DatabaseProvider provider)
    {
        var ledger = new JobLedger();
        await using var host = await HostAsync(provider, ledger);
        var (admin, _) = await EngagementHosts.SignedInAsync(host, "ops@example.com", platformAdmin: true);

        var page = await admin.Http.GetStringAsync("/admin/jobs");
        page.ShouldContain("test.counting");
        page.ShouldContain("0 0 3 1 1 ?");
        page.ShouldContain("is not valid; the job is not scheduled");
        page.ShouldContain("engagement.nudges");
        page.ShouldContain("engagement.churn-risk");

        var trigger = await PostAsync(admin, "/admin/jobs/test.counting/trigger");
        trigger.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await EngagementHosts.EventuallyAsync(async () => (await RunsAsync(host, "test.counting")).Any(r => r.Outcome == JobRun.Succeeded), "the triggered run to finish");
        ledger.Runs.Count.ShouldBe(1);
        var run = (await RunsAsync(host, "test.counting")).Single();
        run.Manual.ShouldBeTrue();
        run.DurationMs.ShouldNotBeNull();

        (await PostAsync(admin, "/admin/jobs/test.failing/trigger")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await EngagementHosts.EventuallyAsync(async () => (await RunsAsync(host, "test.failing")).Any(r => r.Outcome == JobRun.Failed), "the failing run to be recorded");
        (await RunsAsync(host, "test.failing")).Single().Error!.ShouldContain("The supplier feed answered 503.");

        var history = await admin.Http.GetStringAsync("/admin/jobs?job=test.failing");
        history.ShouldContain("The supplier feed answered 503.");
        history.ShouldContain("(manual)");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pause_and_resume_change_the_trigger_and_unknown_jobs_are_404(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider, new JobLedger());
        var (admin, _) = await EngagementHosts.SignedInAsync(host, "ops@example.com", platformAdmin: true);
        var dashboard = host.Services.GetRequiredService<JobsDashboard>();

        (await PostAsync(admin, "/admin/jobs/test.counting/pause")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await dashboard.ListAsync(CancellationToken.None)).Single(j => j.Key == "test.counting").State.ShouldBe("paused");
        (await admin.Http.GetStringAsync("/admin/jobs")).ShouldContain("/admin/jobs/test.counting/resume");

        (await PostAsync(admin, "/admin/jobs/test.counting/resume")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var resumed = (await dashboard.ListAsync(CancellationToken.None)).Single(j => j.Key == "test.counting");
        resumed.State.ShouldBe("scheduled");
        resumed.NextFireAt.ShouldNotBeNull().TimeOfDay.ShouldBe(TimeSpan.FromHours(3));

        (await PostAsync(admin, "/admin/jobs/no.such.job/trigger")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(admin, "/admin/jobs/test.malformed/trigger")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Coaches_and_forms_without_a_token_are_refused()
    {
        await using var host = await HostAsync(DatabaseProvider.Sqlite, new JobLedger());
        var (coach, _) = await EngagementHosts.SignedInAsync(host, "coach@example.com");
        (await coach.Http.GetAsync("/admin/jobs")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var empty = new FormUrlEncodedContent([]);
        (await coach.Http.PostAsync("/admin/jobs/test.counting/trigger", empty)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest, HttpStatusCode.Redirect);

        var (admin, _) = await EngagementHosts.SignedInAsync(host, "ops@example.com", platformAdmin: true);
        using var noToken = new FormUrlEncodedContent([]);
        (await admin.Http.PostAsync("/admin/jobs/test.counting/trigger", noToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_scheduled_job_shows_a_next_fire_time_in_the_future(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider, new JobLedger());
        var (admin, _) = await EngagementHosts.SignedInAsync(host, "ops@example.com", platformAdmin: true);
        var clock = host.Services.GetRequiredService<TimeProvider>();
        await using var scope = host.Services.CreateAsyncScope();
        var registered = scope.ServiceProvider.GetServices<IRecurringJob>().Select(j => j.Key).ToList();

        // The delivery job fires every 15 s: read again (bounded) should the page catch Quartz in the
        // milliseconds between a fire time passing and the trigger moving on; a wrong time never passes.
        IReadOnlyList<ShownJob> jobs = [];
        DateTimeOffset now = default;
        await EngagementHosts.EventuallyAsync(async () =>
        {
            now = clock.GetUtcNow();
            jobs = JobsPageView.Jobs(await admin.Http.GetStringAsync("/admin/jobs"));
            return jobs.Where(j => j.Key != "test.malformed").All(j => j.NextFireAt > now);
        }, "every scheduled job to show a next fire time after now");

        jobs.Select(j => j.Key).ShouldBe(registered, ignoreOrder: true);
        foreach (var job in jobs.Where(j => j.Key != "test.malformed"))
        {
            job.State.ShouldBeOneOf(["scheduled", "running"], job.Key);
            job.NextFireAt.ShouldNotBeNull(job.Key).ShouldBeGreaterThan(now, job.Key);
        }

        var malformed = jobs.Single(j => j.Key == "test.malformed");
        malformed.State.ShouldBe("not scheduled");
        malformed.NextFireAt.ShouldBeNull();
        jobs.Single(j => j.Key == "test.counting").NextFireAt!.Value.UtcDateTime.ShouldBe(new DateTime(now.Year + 1, 1, 1, 3, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Trigger_now_adds_a_run_with_a_duration_and_pause_resume_show_on_the_page(DatabaseProvider provider)
    {
        var ledger = new JobLedger();
        await using var host = await HostAsync(provider, ledger);
        var (admin, _) = await EngagementHosts.SignedInAsync(host, "ops@example.com", platformAdmin: true);
        JobsPageView.Runs(await admin.Http.GetStringAsync("/admin/jobs?job=test.counting")).ShouldBeEmpty();

        (await PostAsync(admin, "/admin/jobs/test.counting/trigger")).Headers.Location!.OriginalString.ShouldStartWith("/admin/jobs?notice=");
        IReadOnlyList<ShownRun> runs = [];
        await EngagementHosts.EventuallyAsync(async () =>
        {
            runs = JobsPageView.Runs(await admin.Http.GetStringAsync("/admin/jobs?job=test.counting"));
            return runs.Any(r => r.Outcome == JobRun.Succeeded);
        }, "the triggered run to show in the history");
        var run = runs.ShouldHaveSingleItem();
        run.Job.ShouldBe("test.counting (manual)");
        run.Duration.ShouldMatch(@"^\d+ ms$");
        run.Error.ShouldBeEmpty();

        ShownJob Counting(string html) => JobsPageView.Jobs(html).Single(j => j.Key == "test.counting");
        (await PostAsync(admin, "/admin/jobs/test.counting/pause")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var pausedPage = await admin.Http.GetStringAsync("/admin/jobs");
        Counting(pausedPage).State.ShouldBe("paused");
        pausedPage.ShouldContain("action=\"/admin/jobs/test.counting/resume\"");
        pausedPage.ShouldNotContain("action=\"/admin/jobs/test.counting/pause\"");

        (await PostAsync(admin, "/admin/jobs/test.counting/resume")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var resumedPage = await admin.Http.GetStringAsync("/admin/jobs");
        var resumed = Counting(resumedPage);
        resumed.State.ShouldBe("scheduled");
        resumed.NextFireAt.ShouldNotBeNull().ShouldBeGreaterThan(now);
        resumedPage.ShouldContain("action=\"/admin/jobs/test.counting/pause\"");
        ledger.Runs.Count.ShouldBe(1, "pausing and resuming a job does not run it");
    }

    public static TheoryData<string> Actions => ["trigger", "pause", "resume"];

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Coaches_and_anonymous_visitors_cannot_see_or_drive_the_jobs(string action)
    {
        var ledger = new JobLedger();
        await using var host = await HostAsync(DatabaseProvider.Sqlite, ledger);
        var (coach, _) = await EngagementHosts.SignedInAsync(host, "coach@example.com");
        var anonymous = new FormClient(host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false }));
        var dashboard = host.Services.GetRequiredService<JobsDashboard>();
        if (action == "resume")
        {
            await dashboard.PauseAsync("test.counting", CancellationToken.None);
        }

        var stateBefore = (await dashboard.ListAsync(CancellationToken.None)).Single(j => j.Key == "test.counting").State;

        foreach (var (who, client, refusedTo) in new[] { ("coach", coach, "/account/denied"), ("anonymous", anonymous, "/account/signin") })
        {
            ShouldBeRefused(await client.Http.GetAsync("/admin/jobs"), refusedTo, $"{who} GET /admin/jobs");

            // A valid antiforgery token of the visitor's own session, so only authorization can refuse the post.
            var token = FormClient.AntiforgeryToken(await client.Http.GetStringAsync("/account/signin"));
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            ShouldBeRefused(await client.Http.PostAsync($"/admin/jobs/test.counting/{action}", form), refusedTo, $"{who} POST {action}");
        }

        ledger.Runs.ShouldBeEmpty();
        (await RunsAsync(host, "test.counting")).ShouldBeEmpty();
        (await dashboard.ListAsync(CancellationToken.None)).Single(j => j.Key == "test.counting").State.ShouldBe(stateBefore);
    }

    private static void ShouldBeRefused(HttpResponseMessage response, string refusedTo, string what)
    {
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            return;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, what);
        var location = response.Headers.Location.ShouldNotBeNull(what);
        (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]).ShouldBe(refusedTo, what);
    }
}
