using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using CreatorOS.SharedKernel.Persistence.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CreatorOS.SharedKernel;

public static class SharedKernelModule
{
    /// <summary>Database, migrator, clock and the outbox dispatcher every module relies on.</summary>
    public static IServiceCollection AddSharedKernel(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var database = ResolvedDatabase.From(options, contentRoot);
        services.AddSingleton(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<SqliteConnectionSetup>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            services.AddHostedService<SqliteCheckpointer>();
        }

        services.AddModuleDbContext<KernelDbContext>(KernelDbContext.Prefix, hasOutbox: false);
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
