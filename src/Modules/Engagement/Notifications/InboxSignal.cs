using System.Collections.Concurrent;
using System.Threading.Channels;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>
/// Wakes a user's open bell streams (SSE) on this node when their inbox changes. Streams also
/// re-count every few seconds, which covers changes made on another node.
/// </summary>
internal sealed class InboxSignal
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<bool>, byte>> _listeners = new();

    public void Changed(Guid userId)
    {
        if (_listeners.TryGetValue(userId, out var listeners))
        {
            foreach (var listener in listeners.Keys)
            {
                listener.Writer.TryWrite(true);
            }
        }
    }

    public Listener Listen(Guid userId)
    {
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        _listeners.GetOrAdd(userId, _ => new()).TryAdd(channel, 0);
        return new Listener(channel.Reader, () =>
        {
            if (_listeners.TryGetValue(userId, out var listeners))
            {
                listeners.TryRemove(channel, out _);
            }
        });
    }

    internal sealed class Listener(ChannelReader<bool> reader, Action leave) : IDisposable
    {
        /// <summary>Waits for a change or the timeout, whichever comes first.</summary>
        public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            linked.CancelAfter(timeout);
            try
            {
                await reader.ReadAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The timeout: re-count anyway.
            }
        }

        public void Dispose() => leave();
    }
}
