using CreatorOS.Contracts.Experiments;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Definitions;
using CreatorOS.Modules.Experiments.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CreatorOS.Modules.Experiments.Onboarding;

/// <summary>
/// Makes sure the built-in metrics and the spec's onboarding test (30/30/40, running) exist, so a
/// fresh install routes new coaches without an admin step. Never changes an existing row: an
/// admin's edits win.
/// </summary>
internal sealed class ExperimentSeed(IServiceScopeFactory scopes, TimeProvider clock) : IHostedService
{
    public static readonly IReadOnlyList<VariantWeight> OnboardingWeights =
    [
        new(OnboardingExperiment.Control, 30),
        new(OnboardingExperiment.Scorecard, 30),
        new(OnboardingExperiment.Avery, 40),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExperimentsDbContext>();
        var now = clock.GetUtcNow();
        var known = await db.Metrics.Select(m => m.Key).ToListAsync(cancellationToken);
        db.Metrics.AddRange(BuiltInMetrics.For(now).Where(m => !known.Contains(m.Key)));
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
