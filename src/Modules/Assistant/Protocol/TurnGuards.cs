using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Assistant.Protocol;

/// <summary>
/// Per-coach limits that hold across sockets on this node: the hourly message budget and the
/// duplicate filter (same client message id, or the same text again within a few seconds).
/// </summary>
internal sealed class TurnGuards(IOptions<AssistantOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, CoachWindow> _coaches = new();

    public enum Verdict
    {
        Accept,
        Duplicate,
        RateLimited,
    }

    public Verdict Check(string coachKey, string? clientMessageId, string? text)
    {
        var now = clock.GetUtcNow();
        var window = _coaches.GetOrAdd(coachKey, _ => new CoachWindow());
        lock (window)
        {
            if (clientMessageId is not null && window.MessageIds.Contains(clientMessageId))
            {
                return Verdict.Duplicate;
            }

            var normalised = text?.Trim().ToLowerInvariant();
            if (normalised is not null && window.LastText == normalised && now - window.LastTextAt < options.Value.DuplicateWindow)
            {
                return Verdict.Duplicate;
            }

            while (window.Accepted.Count > 0 && now - window.Accepted.Peek() >= Hour)
            {
                window.Accepted.Dequeue();
            }

            if (window.Accepted.Count >= options.Value.MessagesPerHour)
            {
                return Verdict.RateLimited;
            }

            window.Accepted.Enqueue(now);
            if (clientMessageId is not null)
            {
                window.Remember(clientMessageId);
            }

            if (normalised is not null)
            {
                window.LastText = normalised;
                window.LastTextAt = now;
            }

            return Verdict.Accept;
        }
    }

    private sealed class CoachWindow
    {
        private const int RememberedIds = 200;
        private readonly Queue<string> _order = new();

        public Queue<DateTimeOffset> Accepted { get; } = new();

        public HashSet<string> MessageIds { get; } = new(StringComparer.Ordinal);

        public string? LastText { get; set; }

        public DateTimeOffset LastTextAt { get; set; }

        public void Remember(string id)
        {
            if (MessageIds.Add(id))
            {
                _order.Enqueue(id);
                if (_order.Count > RememberedIds)
                {
                    MessageIds.Remove(_order.Dequeue());
                }
            }
        }
    }
}
