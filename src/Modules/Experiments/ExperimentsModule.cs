using System.Reflection;
using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Experiments;
using CreatorOS.Contracts.Jobs;
using CreatorOS.Contracts.Privacy;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Experiments.Admin;
using CreatorOS.Modules.Experiments.Assignment;
using CreatorOS.Modules.Experiments.Dashboard;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Definitions;
using CreatorOS.Modules.Experiments.Metrics;
using CreatorOS.Modules.Experiments.Onboarding;
using CreatorOS.Modules.Experiments.Privacy;
using CreatorOS.Modules.Experiments.Reports;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.Modules.Experiments;

/// <summary>A/B tests: assignment, exposures, metrics per variant, statistics, decisions, and the admin pages.</summary>
public static class ExperimentsModule
{
    /// <summary>Holds the routable admin pages (<c>/admin/experiments…</c>) for the host's router.</summary>
    public static Assembly Assembly => typeof(ExperimentsModule).Assembly;

    public static IServiceCollection AddExperiments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExperimentsOptions>(configuration.GetSection(ExperimentsOptions.Section));
        services.AddModuleDbContext<ExperimentsDbContext>(ExperimentsDbContext.Prefix, hasOutbox: false);
        services.AddScoped<Assigner>();
        services.AddScoped<IExperiments>(provider => provider.GetRequiredService<Assigner>());
        services.AddScoped<ExperimentCatalog>();
        services.AddHostedService<ExperimentSeed>();
        services.AddScoped<IPersonalDataOwner, ExperimentsPersonalData>();
        services.AddScoped<MetricCalculator>();
        services.AddScoped<MetricCatalog>();
        services.AddScoped<DashboardPanels>();
        services.AddScoped<ExperimentResults>();
        services.AddScoped<IRecurringJob, AutoPromotionJob>();
        services.AddIntegrationEventHandler<StoreChanged, RecordStoreMilestones>();
        services.AddIntegrationEventHandler<SubscriberJoined, RecordEstimatedRevenue>();
        services.AddSingleton<CompletedOnboardings>();
        services.AddScoped<RecordOnboardingCompletion>();
        services.AddScoped<CompletionBackfill>();
        services.AddIntegrationEventHandler<OnboardingCompleted, RecordOnboardingCompletion>();
        services.AddIntegrationEventHandler<StoreChanged, RecordOnboardingCompletion>();
        return services;
    }

    public static IEndpointRouteBuilder MapExperiments(this IEndpointRouteBuilder app)
    {
        app.MapOnboardingEntry();
        app.MapExperimentsAdmin();
        return app;
    }
}
