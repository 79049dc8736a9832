using CreatorOS.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CreatorOS.Modules.Engagement.Jobs;

/// <summary>
/// Quartz on the configured database: the RAM store with SQLite (one node), the clustered
/// AdoJobStore on PostgreSQL, whose tables the migrator creates in the <c>quartz</c> schema.
/// </summary>
internal static class JobsHosting
{
    public const string TablePrefix = "quartz.qrtz_";

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var node = JobNode.ForThisProcess(configuration);
        services.AddSingleton(node);
        services.AddSingleton<ScheduleProblems>();
        services.AddSingleton<InterruptedRuns>();
        services.AddSingleton<JobsDashboard>();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "creatoros";
                scheduler.InstanceId = node.Name;
            });
            quartz.UseDefaultThreadPool(4);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.ConnectionString ?? throw new InvalidOperationException("PostgreSQL needs Database:ConnectionString."));
                    // Our migrator owns these tables (ADR 0011); checking them here would need the database
                    // at start-up, and the app must start (and say 503) while the database is down.
                    store.ConfigureStore(options =>
                    {
                        options.TablePrefix = TablePrefix;
                        options.SchemaProvisioning = SchemaProvisioning.None;
                    });
                    store.UseClustering(cluster => cluster.CheckinInterval = TimeSpan.FromSeconds(5));
                });
            }
            else
            {
                quartz.UseInMemoryStore(_ => { });
            }
        });

        // Registered before Quartz's hosted service, so the jobs are stored before the scheduler starts.
        services.AddHostedService<RecurringJobSchedule>();
        services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            // RecurringJobSchedule starts the scheduler once the jobs are stored (and retries while the database is down).
            options.AutoStart = false;
        });
        return services;
    }
}
