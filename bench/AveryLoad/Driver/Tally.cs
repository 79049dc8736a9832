using System.Collections.Concurrent;

namespace CreatorOS.Bench.AveryLoad.Driver;

/// <summary>Every error the run met, by kind: error frames, closed sockets, failed connects, timeouts.</summary>
internal sealed class Tally
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string kind) => _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public int Total => _counts.Values.Sum();

    public IEnumerable<KeyValuePair<string, int>> ByKind => _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal);
}
