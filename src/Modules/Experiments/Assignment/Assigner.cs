using CreatorOS.Contracts.Experiments;
using CreatorOS.Modules.Experiments.Data;
using CreatorOS.Modules.Experiments.Definitions;
using CreatorOS.Modules.Experiments.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Experiments.Assignment;

/// <summary>
/// <see cref="IExperiments"/>: deterministic, sticky, weighted assignment with targeting and a kill switch.
/// The hash decides only a unit's first assignment; after that the recorded row does, so a weight
/// edit (a new version) or a restart never moves anyone.
/// </summary>
internal sealed class Assigner(ExperimentsDbContext db, TimeProvider clock, IOptions<ExperimentsOptions> options) : IExperiments
{
    public const int MaxUnitIdLength = 100;

    public async Task<ExperimentDecision> AssignAsync(string experimentKey, string unitId, IReadOnlyDictionary<string, string>? attributes, CancellationToken cancellationToken)
    {
        CheckUnit(unitId);
        if (options.Value.Forced.TryGetValue(experimentKey, out var forced) && !string.IsNullOrWhiteSpace(forced))
        {
            return new(forced, false, null, "forced");
        }

        var experiment = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Key == experimentKey, cancellationToken);
        if (Settled(experiment) is { } settled)
        {
            return settled;
        }

        var existing = await FindAsync(experiment!.Id, unitId, cancellationToken);
        if (existing is not null)
        {
            return new(existing.Variant, true, existing.Version, "sticky");
        }

        if (!TargetingRule.AllMatch(experiment.TargetingRules(), attributes))
        {
            return new(experiment.DefaultVariant, false, null, "not_targeted");
        }

        var choice = Evaluate(experiment.Key, experiment.VariantList(), unitId);
        var assignment = new UnitAssignment
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ExperimentId = experiment.Id,
            UnitId = unitId,
            Variant = choice.Variant,
            Version = experiment.Version,
            Bucket = choice.Bucket,
            AssignedAt = clock.GetUtcNow(),
        };
        db.Assignments.Add(assignment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new(assignment.Variant, true, assignment.Version, "assigned");
        }
        catch (DbUpdateException)
        {
            // Another request assigned the same unit at the same moment: the first row wins.
            db.Entry(assignment).State = EntityState.Detached;
            var winner = await FindAsync(experiment.Id, unitId, cancellationToken)
                ?? throw new InvalidOperationException("The assignment could not be recorded.");
            return new(winner.Variant, true, winner.Version, "sticky");
        }
    }

    public async Task<ExperimentDecision> PeekAsync(string experimentKey, string unitId, CancellationToken cancellationToken)
    {
        CheckUnit(unitId);
        if (options.Value.Forced.TryGetValue(experimentKey, out var forced) && !string.IsNullOrWhiteSpace(forced))
        {
            return new(forced, false, null, "forced");
        }

        var experiment = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Key == experimentKey, cancellationToken);
        if (Settled(experiment) is { } settled)
        {
            return settled;
        }

        var existing = await FindAsync(experiment!.Id, unitId, cancellationToken);
        return existing is null
            ? new(experiment.DefaultVariant, false, null, "not_assigned")
            : new(existing.Variant, true, existing.Version, "sticky");
    }

    public async Task RecordExposureAsync(string experimentKey, string unitId, string renderedVariant, CancellationToken cancellationToken)
    {
        CheckUnit(unitId);
        var experiment = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Key == experimentKey, cancellationToken);
        if (experiment is null || Settled(experiment) is not null)
        {
            return;
        }

        var assignment = await FindAsync(experiment.Id, unitId, cancellationToken);
        if (assignment is null || assignment.Variant != renderedVariant
            || await db.Exposures.AnyAsync(x => x.ExperimentId == experiment.Id && x.UnitId == unitId, cancellationToken))
        {
            return;
        }

        var exposure = new Exposure { Id = Guid.CreateVersion7(clock.GetUtcNow()), ExperimentId = experiment.Id, UnitId = unitId, Variant = renderedVariant, ExposedAt = clock.GetUtcNow() };
        db.Exposures.Add(exposure);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent render recorded the first exposure already.
            db.Entry(exposure).State = EntityState.Detached;
        }
    }

    /// <summary>The caller's key is the fact's reference, so a retried or redelivered track is ignored.</summary>
    public async Task TrackAsync(string unitId, string eventName, string eventKey, double? value, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventKey);
        await TrackOnceAsync(unitId, eventName, eventKey, value, occurredAt, cancellationToken);
    }

    public Task RecordActivityAsync(string unitId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return TrackOnceAsync(unitId, MetricEvents.Active, now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, now, cancellationToken);
    }

    /// <summary>
    /// Records several facts of one unit, each once per (event, reference): one read and one write
    /// for the lot. If another writer got in between, it falls back to one fact at a time.
    /// </summary>
    public async Task TrackManyOnceAsync(string unitId, IReadOnlyList<UnitFact> candidates, CancellationToken cancellationToken)
    {
        CheckUnit(unitId);
        if (candidates.Count == 0)
        {
            return;
        }

        var names = candidates.Select(c => c.EventName).Distinct().ToList();
        var references = candidates.Select(c => c.Reference).Distinct().ToList();
        var known = (await db.Events.AsNoTracking()
                .Where(e => e.UnitId == unitId && names.Contains(e.EventName) && references.Contains(e.Reference))
                .Select(e => new { e.EventName, e.Reference })
                .ToListAsync(cancellationToken))
            .Select(e => (e.EventName, e.Reference))
            .ToHashSet();
        var fresh = candidates.DistinctBy(c => (c.EventName, c.Reference)).Where(c => !known.Contains((c.EventName, c.Reference))).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        var added = new List<UnitEvent>(fresh.Count);
        foreach (var fact in fresh)
        {
            if (fact.EventName.Length > 100 || fact.Reference.Length > 100)
            {
                throw new ArgumentException("Event names and references are at most 100 characters.", nameof(candidates));
            }

            added.Add(new UnitEvent { Id = Guid.CreateVersion7(clock.GetUtcNow()), UnitId = unitId, EventName = fact.EventName, Reference = fact.Reference, Value = fact.Value, OccurredAt = fact.OccurredAt });
        }

        db.Events.AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            foreach (var fact in added)
            {
                db.Entry(fact).State = EntityState.Detached;
            }

            foreach (var fact in fresh)
            {
                await TrackOnceAsync(unitId, fact.EventName, fact.Reference, fact.Value, fact.OccurredAt, cancellationToken);
            }
        }
    }

    /// <summary>How many facts of one kind a unit has (e.g. subscribers counted so far).</summary>
    public Task<int> CountAsync(string unitId, string eventName, CancellationToken cancellationToken) =>
        db.Events.CountAsync(e => e.UnitId == unitId && e.EventName == eventName, cancellationToken);

    /// <summary>Records a fact once per (unit, event, reference); a repeat is ignored.</summary>
    public async Task TrackOnceAsync(string unitId, string eventName, string reference, double? value, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        CheckUnit(unitId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        if (eventName.Length > 100 || reference.Length > 100)
        {
            throw new ArgumentException("Event names and references are at most 100 characters.", nameof(eventName));
        }

        if (await db.Events.AnyAsync(e => e.EventName == eventName && e.UnitId == unitId && e.Reference == reference, cancellationToken))
        {
            return;
        }

        var fact = new UnitEvent { Id = Guid.CreateVersion7(clock.GetUtcNow()), UnitId = unitId, EventName = eventName, Reference = reference, Value = value, OccurredAt = occurredAt };
        db.Events.Add(fact);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(fact).State = EntityState.Detached;
        }
    }

    /// <summary>The pure part of an assignment (hash and ranges), which the benchmark measures.</summary>
    public static (string Variant, double Bucket) Evaluate(string experimentKey, IReadOnlyList<VariantWeight> variants, string unitId)
    {
        var bucket = GrowthBookHash.Bucket(experimentKey, unitId, GrowthBookHash.CurrentVersion)!.Value;
        return (BucketRanges.Choose(variants, bucket) ?? variants[0].Key, bucket);
    }

    /// <summary>The answer when no hashing is needed: unknown, concluded with a winner, killed, or not running.</summary>
    private static ExperimentDecision? Settled(Experiment? experiment) => experiment switch
    {
        null => new(OnboardingExperiment.Control, false, null, "unknown_experiment"),
        { Winner: { } winner } => new(winner, false, null, "winner"),
        { Killed: true } => new(experiment.DefaultVariant, false, null, "killed"),
        { Status: not ExperimentStatus.Running } => new(experiment.DefaultVariant, false, null, "not_running"),
        _ => null,
    };

    private Task<UnitAssignment?> FindAsync(Guid experimentId, string unitId, CancellationToken cancellationToken) =>
        db.Assignments.AsNoTracking().SingleOrDefaultAsync(a => a.ExperimentId == experimentId && a.UnitId == unitId, cancellationToken);

    private static void CheckUnit(string unitId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unitId);
        if (unitId.Length > MaxUnitIdLength)
        {
            throw new ArgumentException($"A unit id is at most {MaxUnitIdLength} characters.", nameof(unitId));
        }
    }
}
