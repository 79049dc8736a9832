using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Storefront;
using CreatorOS.SharedKernel.Outbox;

namespace CreatorOS.Web.Demo;

/// <summary>
/// On first start with an empty database, a demo coach with a partly set-up store, so a
/// newcomer sees something real at once. Credentials are in the README.
/// </summary>
internal sealed class DemoData(IServiceProvider services, IConfiguration configuration, IHostApplicationLifetime lifetime, TimeProvider clock) : IHostedService
{
    public const string CoachEmail = "demo@creatoros.local";
    public const string CoachPassword = "keep-lifting-2026";
    public const string AdminEmail = "admin@creatoros.local";
    public const string AdminPassword = "run-the-platform-2026";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Demo:Enabled", defaultValue: false))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountRegistration>();
        if (await accounts.ExistsAsync(CoachEmail, cancellationToken))
        {
            return;
        }

        var coach = await accounts.RegisterCoachAsync(new CoachRegistration(CoachEmail, CoachPassword, "Strong with Sam"), cancellationToken);
        await accounts.RegisterCoachAsync(new CoachRegistration(AdminEmail, AdminPassword, "CreatorOS Platform", IsPlatformAdmin: true), cancellationToken);
        if (!coach.Succeeded)
        {
            throw new InvalidOperationException("The demo coach could not be created: " + string.Join("; ", coach.Errors));
        }

        // Let the WorkspaceCreated handler open the store first, so the two never race.
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(cancellationToken);
        await FurnishStoreAsync(scope.ServiceProvider.GetRequiredService<IStorefront>(), coach.WorkspaceId!.Value, cancellationToken);
        lifetime.ApplicationStarted.Register(() => Console.WriteLine(
            $"Demo data ready. Coach: {CoachEmail} / {CoachPassword}  Platform admin: {AdminEmail} / {AdminPassword}"));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task FurnishStoreAsync(IStorefront store, Guid workspaceId, CancellationToken cancellationToken)
    {
        await store.OpenAsync(workspaceId, "Strong with Sam", cancellationToken);
        await store.UpdateProfileAsync(workspaceId, new ProfileChange(
            PreferredName: "Sam",
            Niche: "fitness",
            Specialty: "Strength training for busy parents",
            Bio: "I help busy parents get strong in three short sessions a week. No gym ego, no fads: just lifting that fits around school runs.",
            Tone: "casual",
            PhotoUrl: "/img/demo-coach.svg"), cancellationToken);
        await store.SetPriceAsync(workspaceId, "GBP", 12.99m, cancellationToken);
        foreach (var blog in DemoBlogs.All)
        {
            await store.AddBlogAsync(workspaceId, blog, cancellationToken);
        }

        await store.ScheduleLiveSessionAsync(workspaceId, "Live Q&A: your first 4 weeks of lifting", clock.GetUtcNow().AddDays(3).Date.AddHours(18), cancellationToken);
        foreach (var name in new[] { "Priya", "Tom", "Aisha" })
        {
            await store.AddSubscriberAsync(workspaceId, name, cancellationToken);
        }
    }
}

internal static class DemoDataRegistration
{
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<DemoData>();
        return services;
    }
}
