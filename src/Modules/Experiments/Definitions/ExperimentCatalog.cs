using System.Text.Json;
using CreatorOS.Modules.Experiments.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Experiments.Definitions;

/// <summary>
/// Creates and edits experiments. A running experiment's weights or targeting change only with an
/// explicit confirmation, as a new version; its variant set never changes (that would orphan
/// assignments), and nobody already assigned is moved.
/// </summary>
internal sealed class ExperimentCatalog(ExperimentsDbContext db, TimeProvider clock)
{
    public Task<List<Experiment>> ListAsync(CancellationToken cancellationToken) =>
        db.Experiments.AsNoTracking().OrderBy(e => e.Key).ToListAsync(cancellationToken);

    public Task<Experiment?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Key == key, cancellationToken);

    public Task<List<ExperimentVersion>> VersionsAsync(Guid experimentId, CancellationToken cancellationToken) =>
        db.Versions.AsNoTracking().Where(v => v.ExperimentId == experimentId).OrderBy(v => v.Version).ToListAsync(cancellationToken);

    public async Task<CatalogResult> CreateAsync(ExperimentDraft draft, bool start, CancellationToken cancellationToken)
    {
        var errors = ExperimentRules.Check(draft, await MetricKeysAsync(cancellationToken));
        // A new experiment with a 0 % variant could never compare it. A started one may take a
        // variant down to 0 % for new units (a new version), since its assigned units stay.
        if (!errors.ContainsKey("weights") && !errors.ContainsKey("variants") && draft.Variants.FirstOrDefault(v => v.Weight == 0) is { } unused)
        {
            errors["weights"] = $"Variant '{unused.Key}' has weight 0: it would never be assigned. Give every variant at least 1 %, or leave it out.";
        }

        if (errors.Count == 0 && await db.Experiments.AnyAsync(e => e.Key == draft.Key, cancellationToken))
        {
            errors["key"] = $"An experiment with the key '{draft.Key}' exists already.";
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var now = clock.GetUtcNow();
        var experiment = new Experiment
        {
            Id = Guid.CreateVersion7(now),
            Key = draft.Key,
            Name = draft.Name.Trim(),
            Description = draft.Description?.Trim(),
            Status = start ? ExperimentStatus.Running : ExperimentStatus.Draft,
            Version = 1,
            Variants = JsonSerializer.Serialize(draft.Variants, Experiment.Json),
            Targeting = JsonSerializer.Serialize(draft.Targeting, Experiment.Json),
            PrimaryMetric = draft.PrimaryMetric,
            AutoPromote = draft.AutoPromote,
            CreatedAt = now,
            UpdatedAt = now,
            StartedAt = start ? now : null,
        };
        db.Experiments.Add(experiment);
        db.Versions.Add(NewVersion(experiment, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return CatalogResult.Refused("key", $"An experiment with the key '{draft.Key}' exists already.");
        }

        return new(experiment, new Dictionary<string, string>());
    }

    public async Task<CatalogResult> UpdateAsync(string key, ExperimentDraft draft, bool confirmNewVersion, CancellationToken cancellationToken)
    {
        var experiment = await db.Experiments.SingleOrDefaultAsync(e => e.Key == key, cancellationToken);
        if (experiment is null)
        {
            return CatalogResult.Refused("key", $"There is no experiment '{key}'.");
        }

        var errors = ExperimentRules.Check(draft with { Key = key }, await MetricKeysAsync(cancellationToken));
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var before = experiment.VariantList();
        var assigned = await db.Assignments.CountAsync(a => a.ExperimentId == experiment.Id, cancellationToken);
        var variantSetChanged = !before.Select(v => v.Key).SequenceEqual(draft.Variants.Select(v => v.Key));
        if (variantSetChanged && (assigned > 0 || experiment.Status != ExperimentStatus.Draft))
        {
            return CatalogResult.Refused("variants", $"Variants cannot be added, removed or renamed once an experiment has started ({assigned} units are assigned). Stop it and create a new experiment instead.");
        }

        if (experiment.Status == ExperimentStatus.Concluded)
        {
            return CatalogResult.Refused("status", "This experiment is concluded; create a new one to test again.");
        }

        var newVariants = JsonSerializer.Serialize(draft.Variants, Experiment.Json);
        var newTargeting = JsonSerializer.Serialize(draft.Targeting, Experiment.Json);
        var allocationChanged = newVariants != experiment.Variants || newTargeting != experiment.Targeting;
        var now = clock.GetUtcNow();
        if (allocationChanged && experiment.Status != ExperimentStatus.Draft)
        {
            if (!confirmNewVersion)
            {
                return CatalogResult.Refused("confirm", $"This experiment has started: changing its weights or targeting creates version {experiment.Version + 1}. The {assigned} units already assigned keep their variant; only new units use the new weights. Confirm to continue.");
            }

            experiment.Version++;
            db.Versions.Add(NewVersion(experiment, now, newVariants, newTargeting));
        }
        else if (allocationChanged)
        {
            var first = await db.Versions.SingleAsync(v => v.ExperimentId == experiment.Id && v.Version == experiment.Version, cancellationToken);
            db.Versions.Remove(first);
            db.Versions.Add(NewVersion(experiment, now, newVariants, newTargeting));
        }

        experiment.Name = draft.Name.Trim();
        experiment.Description = draft.Description?.Trim();
        experiment.Variants = newVariants;
        experiment.Targeting = newTargeting;
        experiment.PrimaryMetric = draft.PrimaryMetric;
        experiment.AutoPromote = draft.AutoPromote;
        experiment.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new(experiment, new Dictionary<string, string>());
    }

    public Task<CatalogResult> StartAsync(string key, CancellationToken cancellationToken) =>
        ChangeAsync(key, experiment =>
        {
            if (experiment.Status is ExperimentStatus.Concluded)
            {
                return "A concluded experiment cannot start again; create a new one.";
            }

            experiment.Status = ExperimentStatus.Running;
            experiment.StartedAt ??= clock.GetUtcNow();
            return null;
        }, cancellationToken);

    public Task<CatalogResult> StopAsync(string key, CancellationToken cancellationToken) =>
        ChangeAsync(key, experiment =>
        {
            if (experiment.Status is not ExperimentStatus.Running)
            {
                return "Only a running experiment can be stopped.";
            }

            experiment.Status = ExperimentStatus.Stopped;
            return null;
        }, cancellationToken);

    public Task<CatalogResult> SetKilledAsync(string key, bool killed, CancellationToken cancellationToken) =>
        ChangeAsync(key, experiment =>
        {
            experiment.Killed = killed;
            return null;
        }, cancellationToken);

    /// <summary>Concludes the experiment with <paramref name="winner"/>: everyone sees it from now on.</summary>
    public Task<CatalogResult> PromoteAsync(string key, string winner, CancellationToken cancellationToken) =>
        ChangeAsync(key, experiment =>
        {
            if (experiment.VariantList().All(v => v.Key != winner))
            {
                return $"'{winner}' is not a variant of this experiment.";
            }

            if (experiment.Status is ExperimentStatus.Concluded)
            {
                return "This experiment is concluded already.";
            }

            experiment.Winner = winner;
            experiment.Status = ExperimentStatus.Concluded;
            experiment.ConcludedAt = clock.GetUtcNow();
            return null;
        }, cancellationToken);

    private async Task<CatalogResult> ChangeAsync(string key, Func<Experiment, string?> change, CancellationToken cancellationToken)
    {
        var experiment = await db.Experiments.SingleOrDefaultAsync(e => e.Key == key, cancellationToken);
        if (experiment is null)
        {
            return CatalogResult.Refused("key", $"There is no experiment '{key}'.");
        }

        if (change(experiment) is { } refusal)
        {
            return CatalogResult.Refused("status", refusal);
        }

        experiment.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new(experiment, new Dictionary<string, string>());
    }

    private async Task<HashSet<string>> MetricKeysAsync(CancellationToken cancellationToken) =>
        [.. await db.Metrics.AsNoTracking().Select(m => m.Key).ToListAsync(cancellationToken)];

    private static ExperimentVersion NewVersion(Experiment experiment, DateTimeOffset now, string? variants = null, string? targeting = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        ExperimentId = experiment.Id,
        Version = experiment.Version,
        Variants = variants ?? experiment.Variants,
        Targeting = targeting ?? experiment.Targeting,
        CreatedAt = now,
    };
}
