using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;

namespace CreatorOS.Modules.Assistant.Protocol;

/// <summary>
/// One coach's open socket. Frames are queued and written by a single loop, because a WebSocket
/// allows only one send at a time; a slow client cannot block the turn that produces frames.
/// </summary>
internal sealed class CoachConnection(WebSocket socket) : IFrameSink
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
    private readonly Channel<byte[]> _outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private long _sequence;
    private Task _writer = Task.CompletedTask;

    public WebSocket Socket => socket;

    public ValueTask SendAsync(string type, object payload, string? replyTo = null)
    {
        var frame = new Envelope(type, payload, "s-" + Interlocked.Increment(ref _sequence), replyTo);
        return socket.State == WebSocketState.Open
            ? _outgoing.Writer.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(frame, Json))
            : ValueTask.CompletedTask;
    }

    public void Start(CancellationToken cancellationToken) => _writer = WriteLoopAsync(cancellationToken);

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                if (socket.State != WebSocketState.Open)
                {
                    break;
                }

                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client went away; the read loop notices too and ends the session.
        }
    }

    /// <summary>Sends what is queued, then closes with a protocol code (4001, 4002, 4008, 1001, 1011).</summary>
    public async Task CloseAsync(int code, string reason)
    {
        _outgoing.Writer.TryComplete();
        try
        {
            await _writer.WaitAsync(TimeSpan.FromSeconds(2));
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException or TimeoutException)
        {
            // Already gone, or too slow to take the last frames.
        }
    }

    /// <summary>Lets queued frames go out, then stops the writer (the client closed first).</summary>
    public async Task DrainAsync()
    {
        _outgoing.Writer.TryComplete();
        try
        {
            await _writer.WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
            // A client that stopped reading does not hold the server.
        }
    }

    private sealed record Envelope(string Type, object Payload, string MessageId, string? ReplyTo);
}
