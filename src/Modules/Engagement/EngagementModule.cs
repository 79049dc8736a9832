using System.Reflection;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Jobs;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.Modules.Engagement;

/// <summary>Background jobs (Quartz) and their dashboard, notifications with preferences, Avery's nudges and event triggers.</summary>
public static class EngagementModule
{
    /// <summary>Holds the routable pages (<c>/admin/jobs</c>, <c>/notifications…</c>) for the host's router.</summary>
    public static Assembly Assembly => typeof(EngagementModule).Assembly;

    public static IServiceCollection AddEngagement(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<EngagementDbContext>(EngagementDbContext.Prefix, hasOutbox: false);
        services.AddJobs(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapEngagement(this IEndpointRouteBuilder app)
    {
        app.MapJobsEndpoints();
        return app;
    }
}
