using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CreatorOS.Bench.AveryLlmOverhead;

/// <summary>The real app on Kestrel (loopback) with Ai:Provider=openai pointed at the fake provider, SQLite in a temp folder.</summary>
internal sealed class OverheadHost(string folder, string modelUrl) : WebApplicationFactory<Program>
{
    public Uri Start()
    {
        // WebApplicationFactory's manifest lookup misses under `dotnet run`; name the app's folder directly.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CreatorOS.slnx")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CREATOROS_WEB", Path.Combine(root?.FullName ?? ".", "src", "Web"));
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "creatoros.db")}");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Logging:Json", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        builder.UseSetting("Assistant:MessagesPerHour", "1000000");
        builder.UseSetting("Assistant:DuplicateWindow", "00:00:00");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(folder, "keys"));
        builder.UseSetting("Ai:Provider", "openai");
        builder.UseSetting("Ai:BaseUrl", modelUrl);
        builder.UseSetting("Ai:ApiKey", "bench");
        builder.UseSetting("Ai:CoachDailyBudgetUsd", "1000000");
    }
}
