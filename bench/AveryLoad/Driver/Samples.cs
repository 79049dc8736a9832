using System.Diagnostics;

namespace CreatorOS.Bench.AveryLoad.Driver;

/// <summary>Latency samples in milliseconds, kept whole so percentiles come from every sample.</summary>
internal sealed class Samples
{
    private readonly List<double> _values = [];
    private readonly List<long> _startedAt = [];
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
            _startedAt.Add(fromTimestamp);
        }
    }

    /// <summary>The p-th percentile of the samples started <paramref name="skipped"/> or more after <paramref name="origin"/>.</summary>
    public double? PercentileAfter(long origin, TimeSpan skipped, double p)
    {
        lock (_gate)
        {
            var from = origin + (long)(skipped.TotalSeconds * Stopwatch.Frequency);
            var sorted = _values.Zip(_startedAt).Where(s => s.Second >= from).Select(s => s.First).Order().ToList();
            return sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count), 1, sorted.Count) - 1];
        }
    }

    /// <summary>
    /// The p-th percentile of the samples started in each whole second after <paramref name="origin"/>:
    /// tells a steady queue (every second slow) from a stall (a few seconds slow).
    /// </summary>
    public IReadOnlyList<double?> PercentileBySecond(long origin, double p)
    {
        lock (_gate)
        {
            var bySecond = _values.Zip(_startedAt)
                .Where(s => s.Second >= origin)
                .GroupBy(s => (int)((s.Second - origin) / Stopwatch.Frequency))
                .ToDictionary(g => g.Key, g => g.Select(s => s.First).Order().ToList());
            var seconds = bySecond.Count == 0 ? 0 : bySecond.Keys.Max() + 1;
            return [.. Enumerable.Range(0, seconds).Select(i => bySecond.TryGetValue(i, out var sorted)
                ? sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count), 1, sorted.Count) - 1]
                : (double?)null)];
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
