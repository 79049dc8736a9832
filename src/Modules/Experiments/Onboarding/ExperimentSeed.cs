using System.Data.Common;
using CreatorOS.Contracts.Experiments;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Definitions;
using CreatorOS.Modules.Experiments.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Experiments.Onboarding;

/// <summary>
/// Makes sure the built-in metrics and the spec's onboarding test (30/30/40, running) exist, so a
/// fresh install routes new coaches without an admin step. Never changes an existing row: an
/// admin's edits win.
/// </summary>
/// <remarks>
/// Seeding is tried at start-up so the first sign-up is routed; when the database is down then, the
/// app still starts (health says 503) and seeding is retried in the background until it works.
/// </remarks>
internal sealed partial class ExperimentSeed(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ExperimentSeed> logger) : IHostedService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);


    public static readonly IReadOnlyList<VariantWeight> OnboardingWeights =
    [
        new(OnboardingExperiment.Control, 30),
        new(OnboardingExperiment.Scorecard, 30),
        new(OnboardingExperiment.Avery, 40),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TrySeedAsync(cancellationToken))
        {
            StartBackfill();
            return;
        }

        // Not awaited: the host goes on starting; the loop ends when the app stops.
        _ = RetryAsync(lifetime.ApplicationStopping);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RetryAsync(CancellationToken stopping)
    {
        for (var delay = FirstRetry; !stopping.IsCancellationRequested; delay = delay * 2 > LongestRetry ? LongestRetry : delay * 2)
        {
            try
            {
                await Task.Delay(delay, clock, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await TrySeedAsync(stopping))
            {
                StartBackfill();
                return;
            }
        }
    }

    private async Task<bool> TrySeedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SeedAsync(cancellationToken);
            return true;
        }
        catch (Exception failure) when (failure is DbException || failure.InnerException is DbException)
        {
            LogSeedFailed(logger, failure.GetType().Name);
            return false;
        }
    }

    /// <summary>
    /// Not awaited: a large install's one-time backfill must not hold up start-up. It marks itself
    /// done only at the end, so a failure here is logged and the next start tries again.
    /// </summary>
    private void StartBackfill() => _ = Task.Run(() => BackfillAsync(lifetime.ApplicationStopping));

    private async Task BackfillAsync(CancellationToken stopping)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CompletionBackfill>().RunOnceAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception failure)
        {
            LogBackfillFailed(logger, failure.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The onboarding completion backfill failed ({Failure}); it runs again at the next start.")]
    private static partial void LogBackfillFailed(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not seed the built-in experiments ({Failure}); the database may be down. Retrying in the background.")]
    private static partial void LogSeedFailed(ILogger logger, string failure);

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExperimentsDbContext>();
        var now = clock.GetUtcNow();
        var known = await db.Metrics.Select(m => m.Key).ToListAsync(cancellationToken);
        var builtIn = BuiltInMetrics.For(now);
        db.Metrics.AddRange(builtIn.Where(m => !known.Contains(m.Key)));
        // Built-in names say what the metric really measures (e.g. "estimated"): kept up to date on older databases.
        foreach (var stored in await db.Metrics.Where(m => m.BuiltIn).ToListAsync(cancellationToken))
        {
            stored.Name = builtIn.FirstOrDefault(m => m.Key == stored.Key)?.Name ?? stored.Name;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node seeded them at the same moment.
            db.ChangeTracker.Clear();
        }

        if (await db.Experiments.AnyAsync(e => e.Key == OnboardingExperiment.Key, cancellationToken))
        {
            return;
        }

        var catalog = scope.ServiceProvider.GetRequiredService<ExperimentCatalog>();
        await catalog.CreateAsync(
            new ExperimentDraft(
                OnboardingExperiment.Key,
                "Onboarding v1: control vs scorecard vs Avery",
                "Spec Ticket 6.1: plain dashboard, static scorecard widget, or Avery full-screen for new coaches.",
                OnboardingWeights,
                BuiltInMetrics.CompletionRate,
                [],
                AutoPromote: false),
            start: true,
            cancellationToken);
    }
}
