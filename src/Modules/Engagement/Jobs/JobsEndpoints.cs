using CreatorOS.SharedKernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CreatorOS.Modules.Engagement.Jobs;

/// <summary>The dashboard's buttons: plain form posts (antiforgery-checked), then back to the page.</summary>
internal static class JobsEndpoints
{
    public static void MapJobsEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/jobs/{key}").RequireAuthorization(WorkspaceClaims.PlatformAdminPolicy);
        admin.MapPost("/trigger", ([FromForm] string? confirm, string key, JobsDashboard jobs, CancellationToken cancellationToken) =>
            Act(key, "started", jobs.TriggerNowAsync(key, cancellationToken)));
        admin.MapPost("/pause", ([FromForm] string? confirm, string key, JobsDashboard jobs, CancellationToken cancellationToken) =>
            Act(key, "paused", jobs.PauseAsync(key, cancellationToken)));
        admin.MapPost("/resume", ([FromForm] string? confirm, string key, JobsDashboard jobs, CancellationToken cancellationToken) =>
            Act(key, "resumed", jobs.ResumeAsync(key, cancellationToken)));
    }

    private static async Task<IResult> Act(string key, string done, Task<bool> action) =>
        await action
            ? Results.LocalRedirect($"/admin/jobs?notice={Uri.EscapeDataString($"{key} {done}.")}")
            : Results.NotFound(new { error = $"No scheduled job '{key}'." });
}
