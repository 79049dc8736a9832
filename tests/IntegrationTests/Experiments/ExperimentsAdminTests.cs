using System.Net;
using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Experiments;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

public sealed class ExperimentsAdminTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_admin_creates_an_experiment_sees_clear_errors_results_and_exports_csv(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var admin = await SignedInAsync(host, "ops@example.com", platformAdmin: true);

        var badWeights = await admin.SubmitAsync("/admin/experiments/new", "experiment-edit", Form("pricing_v1", "control 30\ncheaper 60"));
        (await badWeights.Content.ReadAsStringAsync()).ShouldContain("Weights must add up to 100; they add up to 90.");
        var duplicate = await admin.SubmitAsync("/admin/experiments/new", "experiment-edit", Form("pricing_v1", "control 50\ncontrol 50"));
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("Variant key &#x27;control&#x27; is used 2 times");
        var unparsable = await admin.SubmitAsync("/admin/experiments/new", "experiment-edit", Form("pricing_v1", "control fifty"));
        (await unparsable.Content.ReadAsStringAsync()).ShouldContain("Variant line 1");

        var created = await admin.SubmitAsync("/admin/experiments/new", "experiment-edit", Form("pricing_v1", "control 50\ncheaper 50"));
        created.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/admin/experiments/pricing_v1");

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var experiments = scope.ServiceProvider.GetRequiredService<IExperiments>();
            for (var i = 0; i < 40; i++)
            {
                await experiments.AssignAsync("pricing_v1", $"unit-{i}", null, CancellationToken.None);
            }
        }

        var edit = await admin.SubmitAsync("/admin/experiments/pricing_v1/edit", "experiment-edit", Form(null, "control 20\ncheaper 80"));
        (await edit.Content.ReadAsStringAsync()).ShouldContain("creates version 2");

        var results = await admin.Http.GetStringAsync("/admin/experiments/pricing_v1");
        results.ShouldContain("data-testid=\"panel-results\"");
        results.ShouldContain("Sample ratio check");
        var csv = await admin.Http.GetStringAsync("/admin/experiments/pricing_v1/results.csv");
        csv.ShouldStartWith("variant,weight_pct,assigned,");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);

        var list = await admin.Http.GetStringAsync("/admin/experiments");
        list.ShouldContain(OnboardingExperiment.Key);
        list.ShouldContain("pricing_v1");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Nonsense_weights_get_an_error_beside_the_variants_field_and_nothing_is_created(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var admin = await SignedInAsync(host, "ops@example.com", platformAdmin: true);

        var zero = await (await admin.SubmitAsync("/admin/experiments/new", "experiment-edit", Form("pricing_v1", "control 100\ncheaper 0"))).Content.ReadAsStringAsync();
        zero.ShouldContain("data-testid=\"exp-variants-error\" role=\"alert\">Variant &#x27;cheaper&#x27; has weight 0: it would never be assigned.");
        zero.ShouldContain("aria-invalid=\"true\"");
        var negative = await (await admin.SubmitAsync("/admin/experiments/new", "experiment-edit", Form("pricing_v1", "control -10\ncheaper 110"))).Content.ReadAsStringAsync();
        negative.ShouldContain("Variant &#x27;control&#x27; has weight -10: each weight is a whole percent between 0 and 100.");
        var duplicate = await (await admin.SubmitAsync("/admin/experiments/new", "experiment-edit", Form("pricing_v1", "control 50\ncontrol 50"))).Content.ReadAsStringAsync();
        duplicate.ShouldContain("data-testid=\"exp-variants-error\" role=\"alert\">Variant key &#x27;control&#x27; is used 2 times");
        var noName = await (await admin.SubmitAsync("/admin/experiments/new", "experiment-edit", new Dictionary<string, string>(Form("pricing_v1", "control 50\ncheaper 50")) { ["Form.Name"] = "" })).Content.ReadAsStringAsync();
        noName.ShouldContain("data-testid=\"exp-name-error\"");

        await using var scope = host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<Modules.Experiments.Definitions.ExperimentCatalog>().FindAsync("pricing_v1", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task The_avery_dashboard_renders_every_panel_with_honest_empty_states_and_csv()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        var admin = await SignedInAsync(host, "ops@example.com", platformAdmin: true);

        var page = await admin.Http.GetStringAsync("/admin/avery-dashboard?days=7");

        foreach (var panel in new[] { "daily", "funnel", "completion", "duration", "functions", "input", "skips", "errors", "cost", "cost-per-coach", "nudges", "retention" })
        {
            page.ShouldContain($"data-testid=\"panel-{panel}\"");
            var csv = await admin.Http.GetAsync($"/admin/avery-dashboard/{panel}.csv?days=7");
            csv.StatusCode.ShouldBe(HttpStatusCode.OK);
            csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        }

        page.ShouldContain("No AI API calls recorded yet");
        page.ShouldContain("No nudges in this period");
        (await admin.Http.GetAsync("/admin/avery-dashboard/nope.csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_coach_cannot_open_the_experiments_admin_or_its_exports()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);
        var coach = await SignedInAsync(host, "sam@example.com", platformAdmin: false);

        foreach (var path in new[] { "/admin/experiments", "/admin/avery-dashboard", "/admin/avery-dashboard/daily.csv", $"/admin/experiments/{OnboardingExperiment.Key}/results.csv" })
        {
            var response = await coach.Http.GetAsync(path);
            response.RequestMessage!.RequestUri!.AbsolutePath.ShouldNotBe(path.Split('?')[0], $"{path} must refuse a coach");
        }
    }

    private static Dictionary<string, string> Form(string? key, string variants)
    {
        var form = new Dictionary<string, string>
        {
            ["Form.Name"] = "Pricing test",
            ["Form.Variants"] = variants,
            ["Form.Metric"] = "completion_rate",
            ["Form.Targeting"] = "",
            ["Form.Start"] = "true",
        };
        if (key is not null)
        {
            form["Form.Key"] = key;
        }

        return form;
    }

    private static async Task<FormClient> SignedInAsync(CreatorOsHost host, string email, bool platformAdmin)
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var registration = scope.ServiceProvider.GetRequiredService<IAccountRegistration>();
            (await registration.RegisterCoachAsync(new CoachRegistration(email, "correct horse battery", "Ops", platformAdmin), CancellationToken.None)).Succeeded.ShouldBeTrue();
        }

        var client = new FormClient(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));
        await client.SignInAsync(email, "correct horse battery");
        return client;
    }
}
