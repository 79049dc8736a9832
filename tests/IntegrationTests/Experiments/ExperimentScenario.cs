using CreatorOS.Contracts.Experiments;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Definitions;
using CreatorOS.Modules.Experiments.Reports;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Experiments;

/// <summary>
/// A host on a manual clock with one experiment, for tests that need known assignments and facts:
/// rows are written as the module writes them, at chosen times, so results are exactly predictable.
/// </summary>
internal sealed class ExperimentScenario(CreatorOsHost host, ManualClock clock) : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> NoBackgroundJobs = new() { ["Jobs:AutoStart"] = "false" };

    public CreatorOsHost Host => host;

    public ManualClock Clock => clock;

    public static async Task<ExperimentScenario> StartAsync(DatabaseProvider provider)
    {
        var clock = new ManualClock(Start);
        var host = await CreatorOsHost.StartAsync(provider, services => services.AddSingleton<TimeProvider>(clock), NoBackgroundJobs);
        return new ExperimentScenario(host, clock);
    }

    public async Task<Experiment> CreateAsync(string key, IReadOnlyList<VariantWeight> variants, string metric, bool autoPromote = false)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ExperimentCatalog>()
            .CreateAsync(new ExperimentDraft(key, key, null, variants, metric, [], autoPromote), start: true, CancellationToken.None);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Values));
        return result.Experiment!;
    }

    /// <summary>Records <paramref name="count"/> units of <paramref name="variant"/> at the current time, without hashing, so counts are exact.</summary>
    public async Task<IReadOnlyList<string>> AssignAsync(string key, string variant, int count, string prefix)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExperimentsDbContext>();
        var experiment = await db.Experiments.SingleAsync(e => e.Key == key);
        var units = Enumerable.Range(0, count).Select(i => $"{prefix}-{variant}-{i}").ToList();
        db.Assignments.AddRange(units.Select(unit => new Modules.Experiments.Assignment.UnitAssignment
        {
            Id = Guid.NewGuid(),
            ExperimentId = experiment.Id,
            UnitId = unit,
            Variant = variant,
            Version = experiment.Version,
            Bucket = 0.5,
            AssignedAt = clock.GetUtcNow(),
        }));
        await db.SaveChangesAsync();
        return units;
    }

    /// <summary>Records one named unit (a workspace id for onboarding_v1) in <paramref name="variant"/>.</summary>
    public async Task AssignUnitAsync(string key, string variant, string unit)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExperimentsDbContext>();
        var experiment = await db.Experiments.SingleAsync(e => e.Key == key);
        db.Assignments.Add(new Modules.Experiments.Assignment.UnitAssignment
        {
            Id = Guid.NewGuid(), ExperimentId = experiment.Id, UnitId = unit, Variant = variant, Version = experiment.Version, Bucket = 0.5, AssignedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    public async Task TrackAsync(IEnumerable<string> units, string eventName, TimeSpan after)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var experiments = scope.ServiceProvider.GetRequiredService<IExperiments>();
        foreach (var unit in units)
        {
            await experiments.TrackAsync(unit, eventName, $"{eventName}-{unit}", null, clock.GetUtcNow() + after, CancellationToken.None);
        }
    }

    /// <summary>Writes one fact per unit in one save (as TrackManyOnceAsync stores them), for large scenarios.</summary>
    public async Task FactsAsync(IEnumerable<string> units, string eventName, TimeSpan after, double? value = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExperimentsDbContext>();
        db.Events.AddRange(units.Select(unit => new Modules.Experiments.Metrics.UnitEvent
        {
            Id = Guid.NewGuid(), UnitId = unit, EventName = eventName, Reference = "scenario", Value = value, OccurredAt = clock.GetUtcNow() + after,
        }));
        await db.SaveChangesAsync();
    }

    public async Task<Experiment> ExperimentAsync(string key)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExperimentsDbContext>().Experiments.AsNoTracking().SingleAsync(e => e.Key == key);
    }

    public async Task<ExperimentReport> ReportAsync(string key, string? metric = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ExperimentResults>().ReportAsync(key, metric, CancellationToken.None)).ShouldNotBeNull();
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
