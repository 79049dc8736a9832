using System.Reflection;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Engagement;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Contracts.Jobs;
using CreatorOS.Contracts.Privacy;
using CreatorOS.Modules.Engagement.Jobs;
using CreatorOS.Modules.Engagement.Notifications;
using CreatorOS.Modules.Engagement.Nudges;
using CreatorOS.Modules.Engagement.Privacy;
using CreatorOS.Modules.Engagement.Triggers;
using CreatorOS.SharedKernel.Outbox;
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
        services.AddScoped<IPersonalDataOwner, EngagementPersonalData>();
        AddNotifications(services, configuration);
        AddNudges(services);
        return services;
    }

    private static void AddNudges(IServiceCollection services)
    {
        services.AddScoped<NudgeScheduler>();
        services.AddScoped<NudgeProcessor>();
        services.AddScoped<NudgeResponses>();
        services.AddScoped<InboxNudges>();
        services.AddScoped<INudgeReport, NudgeReport>();
        services.AddScoped<IRecurringJob, NudgeJob>();
        services.AddIntegrationEventHandler<OnboardingCompleted, ScheduleNudgesWhenOnboardingCompleted>();

        // Spec 5.3 triggers. Revenue milestones use monthly recurring revenue until a payments
        // module reports money received. "Social post performing" reads posts through ISocialConnections.
        services.AddScoped<MilestoneLedger>();
        services.AddScoped<RevenueMilestones>();
        services.AddIntegrationEventHandler<SubscriberJoined, MilestoneTriggers>();
        services.AddIntegrationEventHandler<SubscriberJoined, RevenueMilestoneTriggers>();
        services.AddIntegrationEventHandler<StoreChanged, RevenueMilestoneTriggers>();
        services.AddScoped<IRecurringJob, ChurnRiskJob>();
        services.AddScoped<IRecurringJob, SocialPostPerformingJob>();
    }

    private static void AddNotifications(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<VapidKeys>();
        services.AddHttpClient(PushSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddScoped<INotifications, NotificationCenter>();
        services.AddScoped<Inbox>();
        services.AddScoped<Preferences>();
        services.AddScoped<PushSubscriptions>();
        services.AddScoped<EmailSender>();
        services.AddScoped<PushSender>();
        services.AddScoped<DeliveryDispatcher>();
        services.AddScoped<IRecurringJob, DeliveryJob>();
        services.AddScoped<IRecurringJob, DigestJob>();
    }

    public static IEndpointRouteBuilder MapEngagement(this IEndpointRouteBuilder app)
    {
        app.MapJobsEndpoints();
        app.MapNotificationEndpoints();
        app.MapNudgeEndpoints();
        return app;
    }
}
