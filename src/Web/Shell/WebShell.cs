using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CreatorOS.SharedKernel.Identity;
using CreatorOS.SharedKernel.Logging;
using CreatorOS.SharedKernel.Persistence.Migrations;
using CreatorOS.Web.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;

namespace CreatorOS.Web.Shell;

/// <summary>The host around the modules: pages, security headers, errors, health, logging.</summary>
internal static class WebShell
{
    public static ILoggingBuilder AddWebShellLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        if (configuration.GetValue("Logging:Json", defaultValue: true))
        {
            logging.AddRedactedJsonConsole();
        }

        return logging;
    }

    public static IServiceCollection AddWebShell(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddRazorComponents();

        // Names, prices and bios in any script go out as text, not as &#x..; escapes.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddAntiforgery(options => options.Cookie.Name = "creatoros.csrf");
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        // Keys outlive restarts so sign-in cookies stay valid; a cluster shares the folder (see docs/adr).
        var keys = configuration["DataProtection:KeysPath"] ?? Path.Combine(environment.ContentRootPath, "data", "keys");
        services.AddDataProtection().SetApplicationName("CreatorOS").PersistKeysToFileSystem(new DirectoryInfo(keys));
        return services;
    }

    /// <summary>On by default; operators who migrate in a separate step set Database:MigrateOnStart=false.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnStart", defaultValue: true))
        {
            return;
        }

        await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UseWebShell(this WebApplication app)
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            // Friendly pages only for people navigating; APIs, sockets and uploads keep their status codes.
            if (!HttpMethods.IsGet(context.Request.Method) || ApiPaths.IsApi(context.Request.Path))
            {
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            }

            return next(context);
        });
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWebShell(this WebApplication app, params Assembly[] moduleAssemblies)
    {
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponse.WriteAsync,
        });
        app.MapRazorComponents<App>().AddAdditionalAssemblies(moduleAssemblies);
        return app;
    }
}
