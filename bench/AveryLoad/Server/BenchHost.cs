using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CreatorOS.Bench.AveryLoad.Server;

/// <summary>
/// The real application, as production wires it, on Kestrel bound to 127.0.0.1 and a free port.
/// Only what a benchmark must change is set: its own database, no demo data, quiet logs, and
/// the per-coach rate limit and duplicate window out of the way so they do not shape the load.
/// </summary>
internal sealed class BenchHost(string provider, string connectionString, string folder) : WebApplicationFactory<Program>
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
        builder.UseSetting("Logging:Json", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        builder.UseSetting("Assistant:MessagesPerHour", "1000000");
        builder.UseSetting("Assistant:DuplicateWindow", "00:00:00");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(folder, "keys"));
    }
}
