using System.Net;
using CreatorOS.Contracts.Jobs;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Jobs;
using CreatorOS.SharedKernel.Persistence;
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
}
