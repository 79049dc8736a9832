using System.Net;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.SharedKernel.Persistence;

namespace CreatorOS.IntegrationTests.Shell;

public sealed class ShellTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Health_reports_a_reachable_database(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);

        var response = await host.CreateClient().GetAsync("/healthz");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"database\":{\"status\":\"healthy\"");
    }

    [Fact]
    public async Task A_database_that_is_down_gives_503_on_health_and_a_friendly_page_not_a_stack_trace()
    {
        // Nothing listens on port 1; start without migrating, as an operator would with a separate migration step.
        await using var host = new CreatorOsHost(
            await TestDatabase.CreateAsync(DatabaseProvider.Sqlite),
            settings: new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["Database:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=nothing;Username=nobody;Timeout=2",
                ["Database:MigrateOnStart"] = "false",
            });
        var client = host.CreateClient();

        var health = await client.GetAsync("/healthz");
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync()).ShouldNotContain("Exception");

        var page = await client.GetAsync("/s/anyone");
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("can't reach our database");
        html.ShouldNotContain("Npgsql");
        html.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task An_unknown_address_gets_a_proper_404_page()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);

        var response = await host.CreateClient().GetAsync("/no/such/page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("We couldn't find that page");
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_reference_no_cdn()
    {
        await using var host = await CreatorOsHost.StartAsync(DatabaseProvider.Sqlite);

        var response = await host.CreateClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
        html.ShouldContain("/lib/htmx.min.js");
        html.ShouldNotContain("blazor.web.js");
        html.ShouldNotContain("https://cdn");
        (await host.CreateClient().GetAsync("/lib/htmx.min.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.CreateClient().GetAsync("/lib/alpine.min.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
