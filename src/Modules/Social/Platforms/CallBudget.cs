using System.Collections.Concurrent;

namespace CreatorOS.Modules.Social.Platforms;

/// <summary>
/// Calls made per key (a connection, or a platform's token endpoint) in the last hour, so we stay under
/// each platform's limit (Instagram: about 200 per user per hour) instead of being cut off by it.
/// Held per node: on several nodes each keeps its own count (documented gap).
/// </summary>
internal sealed class CallBudget(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _calls = new();

    public bool TryTake(string key, int perHour)
    {
        var now = clock.GetUtcNow();
        var calls = _calls.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (calls)
        {
            while (calls.Count > 0 && now - calls.Peek() >= Window)
            {
                calls.Dequeue();
            }

            if (calls.Count >= perHour)
            {
                return false;
            }

            calls.Enqueue(now);
            return true;
        }
    }
}
