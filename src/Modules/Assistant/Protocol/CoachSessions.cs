using System.Collections.Concurrent;

namespace CreatorOS.Modules.Assistant.Protocol;

/// <summary>
/// One active socket per coach on this node (spec 6.4: a new tab takes over). Also lets other
/// parts of the module reach a coach who is online.
/// </summary>
internal sealed class CoachSessions
{
    public const int ReplacedCloseCode = 4002;

    private readonly ConcurrentDictionary<string, CoachConnection> _active = new();

    public int Count => _active.Count;

    /// <summary>Makes this connection the coach's active one; the one it replaces is told why and closed.</summary>
    public async Task TakeOverAsync(string coachKey, CoachConnection connection)
    {
        CoachConnection? previous = null;
        _active.AddOrUpdate(coachKey, connection, (_, existing) =>
        {
            previous = existing;
            return connection;
        });

        if (previous is not null && !ReferenceEquals(previous, connection))
        {
            await previous.SendAsync(ServerFrames.Error, new { code = "replaced", message = "Avery is now open in another tab or window." });
            await previous.CloseAsync(ReplacedCloseCode, "Replaced by a newer connection");
        }
    }

    public void Leave(string coachKey, CoachConnection connection) =>
        _active.TryRemove(new KeyValuePair<string, CoachConnection>(coachKey, connection));

    public CoachConnection? Find(string coachKey) => _active.GetValueOrDefault(coachKey);

    public IReadOnlyCollection<CoachConnection> All => [.. _active.Values];
}
