using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CreatorOS.Bench.AveryLoad.Driver;

/// <summary>Who else wants the frames of a socket (an active coach timing its turns).</summary>
internal interface IFrameObserver
{
    void OnFrame(ServerFrame frame, long receivedAt);

    void OnClosed();
}

/// <summary>
/// One coach's socket on the driver side: connects with a ticket, reads every frame (so the
/// server's buffers drain), notes the greeting, counts error frames and unexpected closes.
/// </summary>
internal sealed class CoachSocket : IAsyncDisposable
{
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(20);

    private readonly ClientWebSocket _socket;
    private readonly Tally _errors;
    private readonly TaskCompletionSource<bool> _greeted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _reader = Task.CompletedTask;
    private volatile IFrameObserver? _observer;
    private volatile bool _leaving;

    private CoachSocket(ClientWebSocket socket, int coach, Tally errors)
    {
        _socket = socket;
        Coach = coach;
        _errors = errors;
    }

    public int Coach { get; }

    /// <summary>True once the welcome (<c>avery_message</c>) arrived; false if an error, a close or nothing came instead.</summary>
    public Task<bool> Greeted => _greeted.Task;

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public IFrameObserver? Observer
    {
        get => _observer;
        set => _observer = value;
    }

    public static async Task<CoachSocket?> ConnectAsync(Uri endpoint, string ticket, int coach, Tally errors, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        // Only the server's memory is measured, but small buffers keep 5,000 clients cheap, and no
        // client pings: an idle socket stays idle (the server still pings every 30 s).
        socket.Options.SetBuffer(1024, 1024);
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectPatience);
        try
        {
            await socket.ConnectAsync(new Uri($"{endpoint}?ticket={Uri.EscapeDataString(ticket)}"), timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or HttpRequestException or IOException)
        {
            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            errors.Add(exception is OperationCanceledException ? "connect timed out" : $"connect failed: {exception.Message}");
            return null;
        }

        var client = new CoachSocket(socket, coach, errors);
        client._reader = client.ReadLoopAsync();
        return client;
    }

    public Task SendAsync(string type, object payload, string messageId, CancellationToken cancellationToken) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(new { type, payload, messageId }), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>From here on a close is expected and not counted as an error.</summary>
    public void Leave() => _leaving = true;

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                var receivedAt = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (!_leaving)
                    {
                        _errors.Add($"socket closed by server: {(int?)_socket.CloseStatus} {_socket.CloseStatusDescription}");
                    }

                    return;
                }

                ServerFrame frame;
                try
                {
                    frame = ServerFrame.Parse(buffer.AsMemory(0, length));
                }
                catch (JsonException)
                {
                    _errors.Add("unparseable frame: " + Encoding.UTF8.GetString(buffer, 0, Math.Min(length, 80)));
                    continue;
                }

                switch (frame.Type)
                {
                    case "avery_message":
                        _greeted.TrySetResult(true);
                        break;
                    case "error":
                        _errors.Add($"error frame: {frame.Code}");
                        _greeted.TrySetResult(false);
                        break;
                }

                _observer?.OnFrame(frame, receivedAt);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            if (!_leaving)
            {
                _errors.Add($"socket failed: {(exception is WebSocketException ws ? ws.WebSocketErrorCode.ToString() : exception.GetType().Name)}");
            }
        }
        finally
        {
            _greeted.TrySetResult(false);
            _observer?.OnClosed();
        }
    }

    /// <summary>Ends the connection at once (no closing handshake), which is all a benchmark's teardown needs.</summary>
    public async ValueTask DisposeAsync()
    {
        _leaving = true;
        _socket.Abort();
        await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
    }
}
