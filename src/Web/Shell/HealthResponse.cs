using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CreatorOS.Web.Shell;

/// <summary>A small JSON body for /healthz: status per check, never exception details.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description }),
        }));
    }
}
