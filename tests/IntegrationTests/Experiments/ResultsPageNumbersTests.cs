using System.Globalization;
using System.Text.RegularExpressions;
using CreatorOS.Contracts.Accounts;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.Modules.Experiments.Statistics;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

/// <summary>The numbers the results page renders are the statistics library's for the seeded counts.</summary>
public sealed partial class ResultsPageNumbersTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Rendered_rates_lift_intervals_and_p_values_match_the_statistics_for_known_counts(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider);
        var scenario = new ExperimentScenario(host, new ManualClock(DateTimeOffset.UtcNow.AddMinutes(-5)));
        await scenario.CreateAsync("share_test", [new("control", 30), new("scorecard", 30), new("avery", 40)], "share_rate_day_1");
        (string Variant, int Units, int Shares)[] seeded = [("control", 300, 30), ("scorecard", 300, 36), ("avery", 400, 60)];
        foreach (var (variant, units, shares) in seeded)
        {
            var assigned = await scenario.AssignAsync("share_test", variant, units, "u");
            await scenario.FactsAsync(assigned.Take(shares), MetricEvents.StoreShared, TimeSpan.FromHours(1));
        }

        var admin = await SignedInAdminAsync(host);
        var html = await admin.Http.GetStringAsync("/admin/experiments/share_test");

        var (columns, rows) = ResultsTable(html);
        rows.Count.ShouldBe(3);
        html.ShouldContain("significant means p &lt; 0.025");
        double Cell(int row, string column) => double.Parse(rows[row][columns.IndexOf(column)], CultureInfo.InvariantCulture);
        for (var i = 0; i < seeded.Length; i++)
        {
            rows[i][0].ShouldBe(seeded[i].Variant);
            Cell(i, "eligible_units").ShouldBe(seeded[i].Units);
            Cell(i, "with_event").ShouldBe(seeded[i].Shares);
            Cell(i, "rate_pct").ShouldBe(100.0 * seeded[i].Shares / seeded[i].Units, 0.05);
        }

        for (var i = 1; i < seeded.Length; i++)
        {
            // Two comparisons with control: Bonferroni α = 0.025, so 97.5 % intervals.
            var expected = ProportionTest.Compare(30, 300, seeded[i].Shares, seeded[i].Units, confidence: 0.975);
            var chance = BayesianComparison.ChanceToBeatControl(30, 300, seeded[i].Shares, seeded[i].Units);
            Cell(i, "difference_vs_control").ShouldBe(expected.Difference * 100, 0.0005);
            Cell(i, "difference_ci_low").ShouldBe(expected.DifferenceLow * 100, 0.0005);
            Cell(i, "difference_ci_high").ShouldBe(expected.DifferenceHigh * 100, 0.0005);
            Cell(i, "relative_lift_pct").ShouldBe(expected.RelativeLift!.Value * 100, 0.05);
            Cell(i, "lift_ci_low_pct").ShouldBe(expected.LiftLow!.Value * 100, 0.05);
            Cell(i, "lift_ci_high_pct").ShouldBe(expected.LiftHigh!.Value * 100, 0.05);
            Cell(i, "p_value").ShouldBe(expected.PValue, 0.000005);
            Cell(i, "chance_to_beat_control_pct").ShouldBe(chance * 100, 0.05);
            rows[i][columns.IndexOf("significant")].ShouldBe(expected.PValue < 0.025 ? "yes" : "no");
        }

        // Independent anchors: 15 % vs 10 %, lift +50 %; pooled z-test p = 0.0504892 (Python math.erf,
        // the same as R prop.test(c(60, 30), c(400, 300), correct = FALSE)), so not significant even uncorrected.
        Cell(2, "rate_pct").ShouldBe(15);
        Cell(2, "relative_lift_pct").ShouldBe(50);
        Cell(2, "p_value").ShouldBe(0.05049, 0.00001);
    }

    private static (List<string> Columns, List<List<string>> Rows) ResultsTable(string html)
    {
        var panel = html[html.IndexOf("data-testid=\"panel-results\"", StringComparison.Ordinal)..];
        panel = panel[..panel.IndexOf("</table>", StringComparison.Ordinal)];
        var columns = HeaderCell().Matches(panel).Select(m => m.Groups[1].Value).ToList();
        var body = panel[panel.IndexOf("<tbody>", StringComparison.Ordinal)..];
        var rows = RowPattern().Matches(body).Select(r => BodyCell().Matches(r.Value).Select(c => c.Groups[1].Value).ToList()).ToList();
        return (columns, rows);
    }

    private static async Task<FormClient> SignedInAdminAsync(CreatorOsHost host)
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var registration = scope.ServiceProvider.GetRequiredService<IAccountRegistration>();
            (await registration.RegisterCoachAsync(new CoachRegistration("ops@example.com", "correct horse battery", "Ops", true), CancellationToken.None)).Succeeded.ShouldBeTrue();
        }

        var client = new FormClient(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));
        await client.SignInAsync("ops@example.com", "correct horse battery");
        return client;
    }

    [GeneratedRegex("<th scope=\"col\">(.*?)</th>")]
    private static partial Regex HeaderCell();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex BodyCell();
}
