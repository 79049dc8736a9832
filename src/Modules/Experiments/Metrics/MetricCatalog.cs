using System.Text.RegularExpressions;
using CreatorOS.Modules.Experiments.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>Custom metrics as data: validated, then stored beside the built-in ones.</summary>
internal sealed partial class MetricCatalog(ExperimentsDbContext db, TimeProvider clock)
{
    /// <summary>Which way a metric improves; without one, a time to first event is better lower and everything else higher.</summary>
    public static class Directions
    {
        public const string Higher = "higher";
        public const string Lower = "lower";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_]{0,99}$")]
    private static partial Regex KeyPattern();

    public async Task<IReadOnlyDictionary<string, string>> AddAsync(string? key, string? name, string? kind, string? source, string? eventName, int windowStart, int windowEnd, string? direction, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (key is null || !KeyPattern().IsMatch(key))
        {
            errors["key"] = "Use lower-case letters, digits or underscores for the metric key.";
        }
        else if (await db.Metrics.AnyAsync(m => m.Key == key, cancellationToken))
        {
            errors["key"] = $"A metric '{key}' exists already.";
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            errors["name"] = "Give the metric a name of at most 200 characters.";
        }

        if (kind is null || !MetricKind.All.Contains(kind))
        {
            errors["kind"] = $"Kind is one of {string.Join(", ", MetricKind.All)}.";
        }

        if (source is null || !MetricSources.All.Contains(source))
        {
            errors["source"] = $"Source is one of {string.Join(", ", MetricSources.All)}.";
        }

        if (string.IsNullOrWhiteSpace(eventName) || eventName.Length > 100)
        {
            errors["event"] = "Name the event the metric counts (at most 100 characters).";
        }

        if (windowStart < 0 || windowEnd <= windowStart || windowEnd > 3650)
        {
            errors["window"] = "The window starts on day 0 or later and ends after it starts (at most 3,650 days).";
        }

        if (direction is not (null or "" or Directions.Higher or Directions.Lower))
        {
            errors["direction"] = "Direction is “higher” (more is better) or “lower” (less is better, e.g. a time or an error rate).";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        db.Metrics.Add(new MetricDefinition
        {
            Key = key!, Name = name!.Trim(), Kind = kind!, Source = source!, EventName = eventName!.Trim(),
            WindowStartDays = windowStart, WindowEndDays = windowEnd, HigherIsBetter = direction switch { Directions.Higher => true, Directions.Lower => false, _ => kind != MetricKind.TimeToFirst }, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }
}
