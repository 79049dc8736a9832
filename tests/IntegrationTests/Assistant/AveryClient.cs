using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace CreatorOS.IntegrationTests.Assistant;

/// <summary>A server frame as received: type, payload and the ids of PROTOCOL.md.</summary>
public sealed record Frame(string Type, JsonElement Payload, string? MessageId, string? ReplyTo)
{
    public string? Text(string property) => Payload.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public IReadOnlyList<JsonElement> Buttons() =>
        Payload.TryGetProperty("buttons", out var buttons) && buttons.ValueKind == JsonValueKind.Array ? [.. buttons.EnumerateArray()] : [];

    public override string ToString() => $"{Type} {Payload}";
}

/// <summary>The frames one turn produced, from avery_typing on to avery_typing off (or a single error).</summary>
public sealed record TurnFrames(IReadOnlyList<Frame> Frames)
{
    public Frame End => Frames.Single(f => f.Type == "avery_stream_end");

    public string Reply => End.Text("content")!;

    public string Phase => End.Text("phase")!;

    public IReadOnlyList<string> ToolsRun => [.. Frames.Where(f => f.Type == "function_complete").Select(f => f.Text("name")!)];

    public Frame? Error => Frames.FirstOrDefault(f => f.Type == "error");

    public JsonElement Button(Func<JsonElement, bool> match) => End.Buttons().First(match);

    public JsonElement ButtonLabelled(string fragment) =>
        End.Buttons().FirstOrDefault(b => b.GetProperty("label").GetString()!.Contains(fragment, StringComparison.OrdinalIgnoreCase)) is { ValueKind: JsonValueKind.Object } button
            ? button
            : throw new InvalidOperationException($"No button with '{fragment}' in: {End}");

    public override string ToString() => string.Join("\n", Frames);
}

/// <summary>A real WebSocket client speaking the Avery protocol to the app on Kestrel.</summary>
public sealed class AveryClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<Frame> _frames = Channel.CreateUnbounded<Frame>();
    private Task _reader = Task.CompletedTask;
    private int _sequence;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public WebSocketState State => _socket.State;

    /// <summary>Runs on every turn <see cref="TurnAsync"/> returns, e.g. <c>TurnOrder.Assert</c> for a whole conversation.</summary>
    public Action<TurnFrames>? EveryTurn { get; set; }

    public static async Task<AveryClient> ConnectAsync(Uri baseAddress, CookieContainer? cookies, string? ticket = null, string? origin = null)
    {
        var client = new AveryClient();
        if (cookies is not null)
        {
            client._socket.Options.Cookies = cookies;
        }

        if (origin is not null)
        {
            client._socket.Options.SetRequestHeader("Origin", origin);
        }

        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/avery/ws", Query = ticket is null ? "" : "ticket=" + Uri.EscapeDataString(ticket) }.Uri;
        using var timeout = new CancellationTokenSource(Patience);
        await client._socket.ConnectAsync(uri, timeout.Token);
        client._reader = client.ReadAsync();
        return client;
    }

    public Task SendRawAsync(string text) => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendBinaryAsync(byte[] bytes) => _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, CancellationToken.None);

    public async Task<string> SendAsync(string type, object payload, string? messageId = null)
    {
        messageId ??= $"c-{Interlocked.Increment(ref _sequence)}";
        await SendRawAsync(JsonSerializer.Serialize(new { type, payload, messageId }));
        return messageId;
    }

    /// <summary>Sends a coach message and returns the frames of its turn.</summary>
    public async Task<TurnFrames> SayAsync(string text)
    {
        await SendAsync("coach_message", new { text });
        return await TurnAsync();
    }

    public async Task<TurnFrames> ClickAsync(JsonElement button)
    {
        await SendAsync("button_click", new { button });
        return await TurnAsync();
    }

    /// <summary>Frames up to the end of a turn: avery_typing false after a stream end, or an error.</summary>
    public async Task<TurnFrames> TurnAsync()
    {
        var frames = new List<Frame>();
        var ended = false;
        while (true)
        {
            var frame = await NextAsync();
            frames.Add(frame);
            if (frame.Type == "error" && !ended)
            {
                return Checked(new TurnFrames(frames));
            }

            ended |= frame.Type == "avery_stream_end";
            if (ended && frame.Type == "avery_typing" && !frame.Payload.GetProperty("isTyping").GetBoolean())
            {
                // Progress and celebration follow the turn; collect whatever is already queued.
                await Task.Delay(50);
                while (_frames.Reader.TryRead(out var late))
                {
                    frames.Add(late);
                }

                return Checked(new TurnFrames(frames));
            }
        }
    }

    private TurnFrames Checked(TurnFrames turn)
    {
        EveryTurn?.Invoke(turn);
        return turn;
    }

    public async Task<Frame> NextAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        try
        {
            return await _frames.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No frame arrived in time.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The socket closed ({_socket.CloseStatus} {_socket.CloseStatusDescription}).");
        }
    }

    public async Task<Frame> NextOfTypeAsync(string type)
    {
        while (true)
        {
            var frame = await NextAsync();
            if (frame.Type == type)
            {
                return frame;
            }
        }
    }

    /// <summary>True if nothing arrives within the window (a duplicate was ignored).</summary>
    public async Task<bool> SilentForAsync(TimeSpan window)
    {
        try
        {
            await NextAsync(window);
            return false;
        }
        catch (TimeoutException)
        {
            return true;
        }
    }

    /// <summary>Waits for the server to close the socket; returns the close code.</summary>
    public async Task<int?> ClosedAsync()
    {
        await _reader.WaitAsync(Patience);
        return (int?)_socket.CloseStatus;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
                var root = document.RootElement;
                await _frames.Writer.WriteAsync(new Frame(
                    root.GetProperty("type").GetString()!,
                    root.GetProperty("payload").Clone(),
                    root.TryGetProperty("messageId", out var id) ? id.GetString() : null,
                    root.TryGetProperty("replyTo", out var reply) ? reply.GetString() : null));
            }
        }
        catch (WebSocketException)
        {
            // Closed abruptly; ClosedAsync reports the state.
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // Server already gone.
            }
        }

        _socket.Dispose();
    }
}
