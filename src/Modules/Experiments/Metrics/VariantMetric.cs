namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>One variant's value of a metric over its eligible units (those whose window has started).</summary>
/// <param name="Successes">Units that converted (conversion metrics) or had the event (others).</param>
/// <param name="Mean">Rate for conversion metrics; mean per unit (or per converting unit, time-to-first) otherwise.</param>
internal sealed record VariantMetric(string Variant, long Units, long Successes, double? Mean, double? StdDev);
