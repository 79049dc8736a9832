using System.Collections.Concurrent;
using CreatorOS.Contracts.Storefront;

namespace CreatorOS.Modules.Storefront.Pricing;

/// <summary>
/// Niche benchmarks are market figures over every priced store in a niche: computing them reads one
/// price per store, and Avery asks for them on every coach's pricing step. A minute-old figure is as
/// good as a fresh one for "what do fitness coaches charge", so each is kept for <see cref="Lifetime"/>.
/// They hold no personal data (counts and prices of many stores, never one store's row).
/// </summary>
internal sealed class NicheBenchmarkCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Niches and currencies are a handful; the bound only guards against a caller that invents them.</summary>
    private const int MaxEntries = 256;

    private readonly ConcurrentDictionary<(string Niche, string Currency), (DateTimeOffset At, NicheBenchmark Benchmark)> _entries = new();

    public NicheBenchmark? Find(string niche, string currency) =>
        _entries.TryGetValue((niche, currency), out var entry) && clock.GetUtcNow() - entry.At < Lifetime ? entry.Benchmark : null;

    public void Keep(NicheBenchmark benchmark)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(benchmark.Niche, benchmark.Currency)] = (clock.GetUtcNow(), benchmark);
    }
}
