using System.Collections.Concurrent;

namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>
/// Units whose onboarding completion this node has seen recorded. A completion is recorded once and
/// never undone (only erasing the coach's data removes it, see ExperimentsPersonalData), so after it
/// <see cref="RecordOnboardingCompletion"/> has nothing left to check: without this it read the
/// coach's variant and facts again on every store change of every coach who had finished.
/// </summary>
internal sealed class CompletedOnboardings
{
    /// <summary>Bounds the memory; past it the set starts again, and a unit costs its two reads once more.</summary>
    private const int MaxUnits = 100_000;

    private readonly ConcurrentDictionary<string, byte> _units = new(StringComparer.Ordinal);

    public bool Contains(string unit) => _units.ContainsKey(unit);

    public void Add(string unit)
    {
        if (_units.Count >= MaxUnits)
        {
            _units.Clear();
        }

        _units.TryAdd(unit, 0);
    }

    public void Forget(string unit) => _units.TryRemove(unit, out _);
}
