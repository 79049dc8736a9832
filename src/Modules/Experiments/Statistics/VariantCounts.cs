namespace CreatorOS.Modules.Experiments.Statistics;

/// <summary>Units in a variant and how many of them converted on the metric.</summary>
internal sealed record VariantCounts(string Variant, long Units, long Successes)
{
    public double Rate => Units == 0 ? 0 : (double)Successes / Units;
}
