using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CreatorOS.Bench.NudgeBacklog;

/// <summary>The real application on Kestrel (loopback, free port), its own database, scheduler stopped so the benchmark drives the processor.</summary>
internal sealed class BacklogHost(string provider, string connectionString, string folder) : WebApplicationFactory<Program>
{
    public Uri Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Jobs:AutoStart", "false");
        builder.UseSetting("Outbox:BackgroundDispatch", "false");
        builder.UseSetting("Logging:Json", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(folder, "keys"));
    }
}
