using CreatorOS.Contracts.Experiments;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Definitions;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

public sealed class OnboardingRoutingTests
{
    [Theory]
    [InlineData("control", "/admin")]
    [InlineData("scorecard", "/admin")]
    [InlineData("avery", "/avery")]
    public async Task Sign_up_lands_on_the_variant_and_the_exposure_is_logged_where_it_renders(string variant, string landing)
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        await RouteEveryoneToAsync(host, variant);
        var browser = new FormClient(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));

        var response = await browser.SignUpAsync("sam@example.com");
        await host.FlushEventsAsync();

        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe(landing);
        var html = await (landing == "/admin" ? response.Content.ReadAsStringAsync() : browser.Http.GetStringAsync("/admin"));
        html.Contains("data-testid=\"scorecard-widget\"", StringComparison.Ordinal).ShouldBe(variant == "scorecard");
        if (variant == "scorecard")
        {
            html.ShouldContain("Publish 3 blogs");
            html.ShouldContain("Schedule a live session");
        }

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExperimentsDbContext>();
        var assignment = await db.Assignments.SingleAsync();
        assignment.Variant.ShouldBe(variant);
        var exposures = await db.Exposures.ToListAsync();
        exposures.ShouldHaveSingleItem().Variant.ShouldBe(variant);
    }

    [Fact]
    public async Task A_coach_of_another_variant_opening_avery_by_hand_is_not_exposed_to_avery()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        await RouteEveryoneToAsync(host, "control");
        var browser = new FormClient(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));
        await browser.SignUpAsync("sam@example.com");

        (await browser.Http.GetAsync("/avery")).EnsureSuccessStatusCode();

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExperimentsDbContext>();
        (await db.Exposures.SingleAsync()).Variant.ShouldBe("control");
    }

    [Fact]
    public async Task The_entry_point_needs_a_signed_in_owner()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        var anonymous = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync(OnboardingExperiment.EntryPath);

        response.Headers.Location!.ToString().ShouldContain("/account/signin");
    }

    private static async Task RouteEveryoneToAsync(CreatorOsHost host, string variant)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ExperimentCatalog>();
        var result = await catalog.UpdateAsync(
            OnboardingExperiment.Key,
            new ExperimentDraft(OnboardingExperiment.Key, "Onboarding v1", null,
                [new("control", variant == "control" ? 100 : 0), new("scorecard", variant == "scorecard" ? 100 : 0), new("avery", variant == "avery" ? 100 : 0)],
                "completion_rate", [], false),
            confirmNewVersion: true, CancellationToken.None);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Values));
    }
}
