using CreatorOS.Modules.Social.Data;
using CreatorOS.Modules.Social.Platforms;
using CreatorOS.Modules.Social.Vault;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Social.Connections;

/// <summary>A sign-in was started: send the browser to <see cref="AuthorizeUrl"/> with <see cref="Binding"/> in its cookie.</summary>
internal sealed record ConnectBegun(string AuthorizeUrl, string Binding);

/// <summary>How a callback ended. Reason: connected | denied | invalid_state | failed | unavailable.</summary>
internal sealed record ConnectOutcome(bool Ok, string Reason, string? AccountName = null);

/// <summary>
/// The OAuth authorization-code flow. <c>state</c> is bound to the signed-in owner and to a nonce in
/// the browser that started it (cookie), lives ten minutes and is spent on first use, so a callback
/// forged, replayed or carried into another session connects nothing.
/// </summary>
internal sealed partial class ConnectFlow(
    SocialDbContext db,
    PlatformDirectory platforms,
    TokenCipher cipher,
    ConnectionTokens tokens,
    IOptions<SocialOptions> options,
    TimeProvider clock,
    ILogger<ConnectFlow> log)
{
    public const int MaxCodeLength = 2000;

    public bool CanConnect(string platform) => cipher.IsConfigured && platforms.Find(platform) is { IsConfigured: true };

    public async Task<ConnectBegun?> BeginAsync(Guid workspaceId, Guid userId, string platform, string redirectUri, CancellationToken cancellationToken)
    {
        if (!CanConnect(platform))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        await db.OAuthStates.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var state = OAuthSecrets.NewValue();
        var binding = OAuthSecrets.NewValue();
        db.OAuthStates.Add(new OAuthState
        {
            Id = Guid.CreateVersion7(),
            StateHash = OAuthSecrets.Hash(state),
            BindingHash = OAuthSecrets.Hash(binding),
            WorkspaceId = workspaceId,
            UserId = userId,
            Platform = platform,
            RedirectUri = redirectUri,
            CreatedAt = now,
            ExpiresAt = now + options.Value.StateLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ConnectBegun(platforms.Get(platform).AuthorizeUrl(state, redirectUri), binding);
    }

    public async Task<ConnectOutcome> CompleteAsync(Guid workspaceId, Guid userId, string platform, CallbackParameters callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (string.IsNullOrEmpty(callback.State) || string.IsNullOrEmpty(callback.Binding) || callback.State.Length > 200)
        {
            LogRefused(log, platform, "missing state or binding");
            return new ConnectOutcome(false, "invalid_state");
        }

        var stateHash = OAuthSecrets.Hash(callback.State);
        var state = await db.OAuthStates.SingleOrDefaultAsync(s => s.StateHash == stateHash, cancellationToken);
        var now = clock.GetUtcNow();
        if (state is null || state.UsedAt is not null || state.ExpiresAt < now || state.Platform != platform
            || state.WorkspaceId != workspaceId || state.UserId != userId || !OAuthSecrets.SameHash(callback.Binding, state.BindingHash))
        {
            LogRefused(log, platform, state is null ? "unknown state" : "state not valid for this session");
            return new ConnectOutcome(false, "invalid_state");
        }

        // Spent before the exchange: a replayed callback fails even if this one does.
        state.UsedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        if (!string.IsNullOrEmpty(callback.Error) || string.IsNullOrEmpty(callback.Code) || callback.Code.Length > MaxCodeLength)
        {
            return new ConnectOutcome(false, "denied");
        }

        var client = platforms.Get(platform);
        try
        {
            var grant = await client.ExchangeCodeAsync(callback.Code, state.RedirectUri, cancellationToken);
            var account = await client.GetAccountAsync(grant.AccessToken, "connect:" + workspaceId.ToString("N"), cancellationToken);
            await SaveAsync(workspaceId, userId, platform, grant, account, cancellationToken);
            return new ConnectOutcome(true, "connected", account.Name);
        }
        catch (PlatformException exception)
        {
            LogPlatformFailed(log, platform, exception.Kind, exception.Message);
            return new ConnectOutcome(false, exception.Kind is PlatformFailureKind.Unavailable or PlatformFailureKind.RateLimited ? "unavailable" : "failed");
        }
    }

    private async Task SaveAsync(Guid workspaceId, Guid userId, string platform, PlatformGrant grant, PlatformAccount account, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var connection = await db.Connections.SingleOrDefaultAsync(c => c.WorkspaceId == workspaceId && c.Platform == platform, cancellationToken);
        if (connection is null || connection.AccountId != account.Id)
        {
            if (connection is not null)
            {
                // Another account on the same platform: its tokens and sync point do not carry over.
                db.Connections.Remove(connection);
                await db.SaveChangesAsync(cancellationToken);
            }

            connection = new SocialConnection
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                UserId = userId,
                Platform = platform,
                AccountId = account.Id,
                AccountName = account.Name,
                AccessTokenSealed = string.Empty,
                AccessExpiresAt = grant.AccessExpiresAt,
                ConnectedAt = now,
                UpdatedAt = now,
            };
            db.Connections.Add(connection);
        }

        connection.UserId = userId;
        connection.AccountName = Truncate(account.Name, SocialConnection.AccountMaxLength);
        connection.ConnectedAt = now;
        tokens.Seal(connection, grant);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Social callback for {Platform} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string platform, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Social connect for {Platform} failed ({Kind}): {Detail}")]
    private static partial void LogPlatformFailed(ILogger logger, string platform, PlatformFailureKind kind, string detail);
}

/// <summary>What the platform's redirect and the browser's cookie brought to the callback.</summary>
internal sealed record CallbackParameters(string? State, string? Binding, string? Code, string? Error);
