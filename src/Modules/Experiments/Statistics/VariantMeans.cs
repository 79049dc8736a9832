namespace CreatorOS.Modules.Experiments.Statistics;

/// <summary>
/// A variant's mean of a metric: <see cref="Units"/> eligible units (what the split is checked on)
/// and the <see cref="Observations"/> the mean is over (fewer for time-to-first: only units that had the event).
/// </summary>
internal sealed record VariantMeans(string Variant, long Units, long Observations, double Mean, double StdDev);
