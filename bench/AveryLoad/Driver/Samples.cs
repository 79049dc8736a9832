using System.Diagnostics;

namespace CreatorOS.Bench.AveryLoad.Driver;

/// <summary>Latency samples in milliseconds, kept whole so percentiles come from every sample.</summary>
internal sealed class Samples
{
    private readonly List<double> _values = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _values.Count;
            }
        }
    }

    public void Add(long fromTimestamp, long toTimestamp)
    {
        var ms = Stopwatch.GetElapsedTime(fromTimestamp, toTimestamp).TotalMilliseconds;
        lock (_gate)
        {
            _values.Add(ms);
        }
    }

    /// <summary>Nearest rank: the smallest sample with at least p% of all samples at or below it.</summary>
    public double? Percentile(double p)
    {
        lock (_gate)
        {
            if (_values.Count == 0)
            {
                return null;
            }

            var sorted = _values.Order().ToList();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
            return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
        }
    }

    /// <summary>Share of the samples below <paramref name="ms"/>, 0–1.</summary>
    public double ShareBelow(double ms)
    {
        lock (_gate)
        {
            return _values.Count == 0 ? 0 : _values.Count(v => v < ms) / (double)_values.Count;
        }
    }

    public double? Max()
    {
        lock (_gate)
        {
            return _values.Count == 0 ? null : _values.Max();
        }
    }
}
