using System.Collections.Concurrent;

namespace CreatorOS.Modules.Assistant.Insights;

/// <summary>
/// Today's aggregate, shared by the panels of one page load and the next minute's reads: the
/// dashboard says "today is live", and a minute is live enough for an internal dashboard.
/// </summary>
internal sealed class LiveDay(TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<DateOnly, (DateTimeOffset At, List<RollupRow> Rows)> _cache = new();

    public async Task<List<RollupRow>> GetAsync(DateOnly day, Func<Task<List<RollupRow>>> aggregate)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(day, out var cached) && now - cached.At < MaxAge)
        {
            return cached.Rows;
        }

        var rows = await aggregate();
        foreach (var old in _cache.Keys.Where(k => k != day))
        {
            _cache.TryRemove(old, out _);
        }

        _cache[day] = (now, rows);
        return rows;
    }
}
