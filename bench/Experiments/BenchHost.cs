using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CreatorOS.Bench.Experiments;

/// <summary>The real application's services (migrations, modules) on the benchmark's own database.</summary>
internal sealed class BenchHost(string provider, string connectionString, string folder) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(WebProjectFolder());
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Logging:Json", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Outbox:BackgroundDispatch", "false");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(folder, "keys"));
    }

    private static string WebProjectFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CreatorOS.slnx")))
        {
            directory = directory.Parent;
        }

        return directory is null ? AppContext.BaseDirectory : Path.Combine(directory.FullName, "src", "Web");
    }
}
