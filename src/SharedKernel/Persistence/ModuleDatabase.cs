using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Update;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.SharedKernel.Persistence;

public static class ModuleDatabase
{
    /// <summary>
    /// Registers a module's DbContext on the configured provider, its embedded SQL migrations
    /// and its outbox (<c>{tablePrefix}_outbox</c>) for the dispatcher.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string tablePrefix, bool hasOutbox = true)
        where TContext : DbContext
    {
        // Pooled: a turn of the assistant touches four or five modules' contexts, and building a
        // context (options, services, change tracker) cost more than the queries it then ran.
        // Everything the options hold is a singleton, so one set serves every pooled instance.
        services.AddDbContextPool<TContext>((provider, options) =>
        {
            var database = provider.GetRequiredService<ResolvedDatabase>();
            options.UseConfiguredDatabase(database).AddInterceptors(provider.GetRequiredService<OutboxSignal>());
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                options.AddInterceptors(provider.GetRequiredService<SqliteWriteGate>(), provider.GetRequiredService<SqliteConnectionSetup>());
#pragma warning disable EF1001 // See SqliteConnectionOpenedLean: EF's connection service is internal API.
                options.ReplaceService<ISqliteRelationalConnection, SqliteConnectionOpenedLean>();
                options.ReplaceService<IBatchExecutor, SqliteBatchesBeforeTheSlot>();
#pragma warning restore EF1001
            }
        });
        services.AddSingleton(new ModuleMigrations(tablePrefix, typeof(TContext).Assembly));
        if (hasOutbox)
        {
            services.AddSingleton<IOutboxStore>(new OutboxStore<TContext>(tablePrefix, OutboxModel.TableName(tablePrefix)));
        }

        return services;
    }

    public static DbContextOptionsBuilder UseConfiguredDatabase(this DbContextOptionsBuilder options, ResolvedDatabase database) =>
        database.Provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(database.ConnectionString),
            _ => options.UseSqlite(database.ConnectionString),
        };
}
