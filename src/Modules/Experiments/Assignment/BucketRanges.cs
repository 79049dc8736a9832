using CreatorOS.Modules.Experiments.Definitions;

namespace CreatorOS.Modules.Experiments.Assignment;

/// <summary>
/// GrowthBook's <c>getBucketRanges</c> at full coverage: consecutive ranges of [0, 1) sized by the
/// weights, and <c>chooseVariation</c>: the range a bucket falls in (start inclusive, end exclusive).
/// </summary>
internal sealed class BucketRanges
{
    private readonly string[] _keys;
    private readonly double[] _ends;

    public BucketRanges(IReadOnlyList<VariantWeight> variants)
    {
        _keys = new string[variants.Count];
        _ends = new double[variants.Count];
        var cumulative = 0;
        for (var i = 0; i < variants.Count; i++)
        {
            cumulative += variants[i].Weight;
            _keys[i] = variants[i].Key;
            _ends[i] = cumulative / 100.0;
        }
    }

    /// <summary>
    /// <see cref="Choose(double)"/> without building the ranges: the same cumulative sums computed on
    /// the way, so a one-off evaluation allocates nothing.
    /// </summary>
    public static string? Choose(IReadOnlyList<VariantWeight> variants, double bucket)
    {
        var start = 0.0;
        var cumulative = 0;
        for (var i = 0; i < variants.Count; i++)
        {
            cumulative += variants[i].Weight;
            var end = cumulative / 100.0;
            if (bucket >= start && bucket < end)
            {
                return variants[i].Key;
            }

            start = end;
        }

        return null;
    }

    /// <summary>The variant whose range holds <paramref name="bucket"/>; null when none does (weights under 100).</summary>
    public string? Choose(double bucket)
    {
        var start = 0.0;
        for (var i = 0; i < _ends.Length; i++)
        {
            if (bucket >= start && bucket < _ends[i])
            {
                return _keys[i];
            }

            start = _ends[i];
        }

        return null;
    }
}
