using CreatorOS.Contracts.Experiments;
using CreatorOS.Contracts.Storefront;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

/// <summary>The retention metrics' activity: the coach opening their pages, in every variant; not things that happen to the store.</summary>
public sealed class ActivityTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Opening_the_dashboard_or_avery_is_one_active_day_in_any_variant(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var coaches = new List<(string Variant, string Unit)>();
        for (var i = 0; i < 6; i++)
        {
            var browser = new FormClient(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));
            await browser.SignUpAsync($"coach{i}@example.com");
            await host.FlushEventsAsync();
            (await browser.Http.GetAsync("/admin")).EnsureSuccessStatusCode();
            (await browser.Http.GetAsync("/avery")).EnsureSuccessStatusCode();
            (await browser.Http.GetAsync("/admin/store")).EnsureSuccessStatusCode();
            await using var scope = host.Services.CreateAsyncScope();
            var assignment = await scope.ServiceProvider.GetRequiredService<ExperimentsDbContext>().Assignments.AsNoTracking().OrderByDescending(a => a.AssignedAt).FirstAsync();
            coaches.Add((assignment.Variant, assignment.UnitId));
        }

        await using var check = host.Services.CreateAsyncScope();
        var active = await check.ServiceProvider.GetRequiredService<ExperimentsDbContext>().Events.AsNoTracking()
            .Where(e => e.EventName == MetricEvents.Active).Select(e => e.UnitId).ToListAsync();
        active.Order().ShouldBe(coaches.Select(c => c.Unit).Order(), "one active day per coach, whatever the variant");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Subscribers_joining_and_store_changes_without_a_visit_are_not_the_coachs_activity(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var workspace = Guid.NewGuid();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var experiments = scope.ServiceProvider.GetRequiredService<IExperiments>();
            (await experiments.AssignAsync(OnboardingExperiment.Key, workspace.ToString("D"), null, CancellationToken.None)).InExperiment.ShouldBeTrue();
            var store = scope.ServiceProvider.GetRequiredService<IStorefront>();
            await store.OpenAsync(workspace, "Strong with Sam", CancellationToken.None);
            (await store.AddSubscriberAsync(workspace, "Ann", CancellationToken.None)).Succeeded.ShouldBeTrue();
            (await store.AddBlogAsync(workspace, new BlogDraft("Drafted from a post", "Body."), CancellationToken.None)).Succeeded.ShouldBeTrue();
        }

        await host.FlushEventsAsync();

        await using var check = host.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<ExperimentsDbContext>().Events.AsNoTracking()
            .CountAsync(e => e.EventName == MetricEvents.Active && e.UnitId == workspace.ToString("D"))).ShouldBe(0);
    }
}
