using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Support;

/// <summary>The real application host on a throwaway database of the given provider.</summary>
public class CreatorOsHost(TestDatabase database, Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null, bool ownsDatabase = true)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Logging:Json", "false");
        builder.UseSetting("Outbox:BackgroundDispatch", "false");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(database.Folder, "keys"));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }

    /// <summary>Delivers every pending integration event now, so tests need not wait for the background loop.</summary>
    public Task FlushEventsAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

    public static async Task<CreatorOsHost> StartAsync(DatabaseProvider provider, Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new CreatorOsHost(await TestDatabase.CreateAsync(provider), configureServices, settings);
        _ = host.Services;
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
