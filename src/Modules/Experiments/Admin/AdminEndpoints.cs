using System.Text;
using CreatorOS.Modules.Experiments.Dashboard;
using CreatorOS.Modules.Experiments.Reports;
using CreatorOS.SharedKernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreatorOS.Modules.Experiments.Admin;

/// <summary>The chart script and the CSV exports of every dashboard and results table (platform admins only).</summary>
internal static class AdminEndpoints
{
    public const string ChartsScript = "/admin/experiments/charts.js";

    private static readonly Lazy<byte[]> Script = new(() =>
    {
        using var stream = typeof(AdminEndpoints).Assembly.GetManifestResourceStream("experiments-charts.js")!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    });

    public static void MapExperimentsAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGet(ChartsScript, () => Results.Bytes(Script.Value, "text/javascript"));

        var admin = app.MapGroup("/admin").RequireAuthorization(WorkspaceClaims.PlatformAdminPolicy);
        admin.MapGet("/avery-dashboard/{panel}.csv", async (string panel, int? days, DashboardPanels panels, CancellationToken cancellationToken) =>
        {
            var table = await panels.BuildAsync(panel, DashboardRange.Clamp(days), cancellationToken);
            return table is null ? Results.NotFound() : CsvResult(table, $"avery-{panel}.csv");
        });

        admin.MapGet("/experiments/{key}/results.csv", async (string key, string? metric, ExperimentResults results, CancellationToken cancellationToken) =>
        {
            var report = await results.ReportAsync(key, metric, cancellationToken);
            return report is null ? Results.NotFound() : CsvResult(ResultsTable.From(report), $"{key}-{report.Metric.Key}.csv");
        });
    }

    private static IResult CsvResult(PanelTable table, string fileName) =>
        Results.File(Encoding.UTF8.GetBytes(Csv.Write(table)), "text/csv; charset=utf-8", fileName);
}
