using System.Buffers;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using CreatorOS.Contracts.Assistant;
using CreatorOS.Modules.Assistant.Brain;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.SharedKernel.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Assistant.Protocol;

/// <summary>
/// <c>GET /avery/ws</c>: authenticates (cookie or ticket), checks the origin, takes over the
/// coach's session, greets, then reads frames one at a time and answers each (PROTOCOL.md).
/// A bad frame gets an <c>error</c> and changes nothing; the connection and conversation go on.
/// </summary>
internal sealed class AverySocket(
    IServiceScopeFactory scopes,
    CoachSessions sessions,
    SocketTickets tickets,
    TurnGuards guards,
    IOptions<AssistantOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<AverySocket> logger)
{
    public const int MaxFrameBytes = 16 * 1024;
    public const int UnauthorizedCloseCode = 4001;
    public const int PolicyViolationCloseCode = 4008;
    public const string RateLimitMessage = "I need a quick break! I'll be back in a few minutes. In the meantime, check out your store preview!";

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync("Connect with a WebSocket.");
            return;
        }

        if (!OriginAllowed(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new CoachConnection(socket);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        connection.Start(stopping.Token);

        var coach = Identify(http);
        if (coach is null)
        {
            await connection.CloseAsync(UnauthorizedCloseCode, "Unauthorized");
            return;
        }

        await sessions.TakeOverAsync(coach.Key, connection);
        try
        {
            await RunAsync(coach, connection, stopping.Token);
        }
        finally
        {
            sessions.Leave(coach.Key, connection);
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                await connection.CloseAsync((int)WebSocketCloseStatus.EndpointUnavailable, "Server shutting down");
            }
            else
            {
                await connection.DrainAsync();
            }
        }
    }

    private async Task RunAsync(CoachIdentity coach, CoachConnection connection, CancellationToken cancellationToken)
    {
        await InScopeAsync(engine => engine.GreetAsync(coach, connection, cancellationToken), connection, coach, null);
        try
        {
            while (connection.Socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
            {
                var (kind, text) = await ReceiveAsync(connection.Socket, cancellationToken);
                switch (kind)
                {
                    case FrameKind.Closed:
                        await connection.CloseAsync((int)WebSocketCloseStatus.NormalClosure, "Bye");
                        return;
                    case FrameKind.Binary or FrameKind.Oversized:
                        await connection.SendAsync(ServerFrames.Error, new
                        {
                            code = "policy_violation",
                            message = kind == FrameKind.Binary ? "Only text frames are accepted." : $"Frames are at most {MaxFrameBytes / 1024} KB.",
                        });
                        await connection.CloseAsync(PolicyViolationCloseCode, "Policy violation");
                        return;
                    default:
                        await HandleFrameAsync(coach, connection, text!, cancellationToken);
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Client gone or server stopping: the conversation is saved turn by turn.
        }
    }

    private async Task HandleFrameAsync(CoachIdentity coach, CoachConnection connection, string json, CancellationToken cancellationToken)
    {
        var (frame, error) = ClientFrames.Parse(json);
        if (frame is null)
        {
            await connection.SendAsync(ServerFrames.Error, new { code = error!.Code, message = error.Message });
            await TrackErrorAsync(coach, error.Code);
            return;
        }

        if (frame.Type == ClientFrames.Ping)
        {
            await connection.SendAsync(ServerFrames.Pong, new { }, frame.MessageId);
            return;
        }

        var input = frame.Type switch
        {
            ClientFrames.CoachMessage => new TurnInput(frame.Text!, null, null, frame.MessageId),
            ClientFrames.ButtonClick => new TurnInput(frame.Button!.Label, frame.Button, null, frame.MessageId),
            ClientFrames.PhotoUploaded => PhotoInput(coach, frame),
            ClientFrames.OauthComplete => new TurnInput($"{frame.Platform} connection {(frame.Ok ? "finished" : "failed")}", null, new ClientEvent("oauth_complete", frame.Platform, frame.Ok), frame.MessageId),
            _ => null,
        };
        if (input is null)
        {
            if (frame.Type == ClientFrames.PhotoUploaded)
            {
                await connection.SendAsync(ServerFrames.Error, new { code = "invalid_photo", message = "That photo address isn't one of your uploads." }, frame.MessageId);
            }

            return;
        }

        switch (guards.Check(coach.Key, frame.MessageId, frame.Type == ClientFrames.CoachMessage ? input.Text : null))
        {
            case TurnGuards.Verdict.Duplicate:
                return;
            case TurnGuards.Verdict.RateLimited:
                await connection.SendAsync(ServerFrames.Error, new { code = "rate_limited", message = RateLimitMessage }, frame.MessageId);
                return;
        }

        await InScopeAsync(engine => engine.TakeTurnAsync(coach, input, connection, frame.MessageId, cancellationToken), connection, coach, frame.MessageId);
    }

    /// <summary>Only the coach's own uploads may become their photo.</summary>
    private static TurnInput? PhotoInput(CoachIdentity coach, ClientFrame frame) =>
        frame.Url!.StartsWith($"/media/photos/{coach.WorkspaceId:D}/", StringComparison.OrdinalIgnoreCase) && !frame.Url.Contains("..", StringComparison.Ordinal)
            ? new TurnInput("Photo uploaded", null, new ClientEvent("photo_uploaded", frame.Url), frame.MessageId)
            : null;

    private async Task InScopeAsync(Func<ConversationEngine, Task> work, CoachConnection connection, CoachIdentity coach, string? replyTo)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await work(scope.ServiceProvider.GetRequiredService<ConversationEngine>());
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not WebSocketException)
        {
            logger.LogError(exception, "Avery turn failed for workspace {WorkspaceId}", coach.WorkspaceId);
            await connection.SendAsync(ServerFrames.Error, new { code = "server_error", message = "Something went wrong on my side. Please try that again." }, replyTo);
            await connection.SendAsync(ServerFrames.AveryTyping, new { isTyping = false }, replyTo);
            await TrackErrorAsync(coach, "server_error");
        }
    }

    /// <summary>avery_error analytics; in its own scope, since the failed turn's unit of work is spoiled.</summary>
    private async Task TrackErrorAsync(CoachIdentity coach, string code)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var log = scope.ServiceProvider.GetRequiredService<ConversationLog>();
            log.Track(coach, AssistantEventNames.Error, new { code });
            await log.SaveAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not record an Avery error event");
        }
    }

    private CoachIdentity? Identify(HttpContext http)
    {
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        if (http.Request.Query.TryGetValue("ticket", out var ticket))
        {
            return tickets.Redeem(ticket.ToString()) is { } redeemed
                ? new CoachIdentity(redeemed.WorkspaceId, redeemed.UserId, redeemed.BusinessName, baseUrl)
                : null;
        }

        var user = http.User;
        return user.Identity?.IsAuthenticated == true
            && user.FindFirstValue(WorkspaceClaims.WorkspaceRole) == WorkspaceRoles.Owner
            && user.WorkspaceIdOf() is { } workspaceId
            && user.UserId() is { } userId
            ? new CoachIdentity(workspaceId, userId, user.FindFirstValue(WorkspaceClaims.WorkspaceName) ?? "My store", baseUrl)
            : null;
    }

    /// <summary>Browsers always send Origin on WebSocket upgrades; another site's page must be listed to connect.</summary>
    private bool OriginAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return string.IsNullOrEmpty(origin)
            || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
            || options.Value.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);
    }

    private enum FrameKind
    {
        Text,
        Binary,
        Oversized,
        Closed,
    }

    /// <summary>
    /// Reads one frame. An idle coach holds no buffer: the zero-byte read waits for data, and the
    /// 16 KB buffer is rented only while a frame is being read (this keeps idle sockets small).
    /// </summary>
    private static async Task<(FrameKind Kind, string? Text)> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var ready = await socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken);
        if (ready.MessageType == WebSocketMessageType.Close)
        {
            return (FrameKind.Closed, null);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxFrameBytes + 1);
        try
        {
            var length = 0;
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(length, MaxFrameBytes + 1 - length), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (FrameKind.Closed, null);
                }

                length += result.Count;
                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    return (FrameKind.Binary, null);
                }

                if (length > MaxFrameBytes)
                {
                    return (FrameKind.Oversized, null);
                }

                if (result.EndOfMessage)
                {
                    return (FrameKind.Text, Encoding.UTF8.GetString(buffer, 0, length));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
