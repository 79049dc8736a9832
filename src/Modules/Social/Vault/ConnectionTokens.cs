using CreatorOS.Modules.Social.Connections;
using CreatorOS.Modules.Social.Data;
using CreatorOS.Modules.Social.Platforms;

namespace CreatorOS.Modules.Social.Vault;

/// <summary>
/// The only place tokens are unsealed. Calls a platform with a connection's token, refreshing it
/// first when it is about to expire, and once more when the platform rejects it; a refresh the
/// platform refuses marks the connection for reconnecting.
/// </summary>
internal sealed class ConnectionTokens(SocialDbContext db, PlatformDirectory platforms, TokenCipher cipher, TimeProvider clock)
{
    public const string AccessField = "access";
    public const string RefreshField = "refresh";

    public async Task<T> CallAsync<T>(SocialConnection connection, Func<IPlatformClient, string, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(call);
        var client = platforms.Get(connection.Platform);
        if (connection.NeedsReconnect)
        {
            throw new PlatformException(connection.Platform, PlatformFailureKind.TokenRejected, "The connection needs to be made again.");
        }

        var token = await UsableTokenAsync(connection, client, force: false, cancellationToken);
        try
        {
            return await call(client, token);
        }
        catch (PlatformException exception) when (exception.Kind == PlatformFailureKind.TokenRejected)
        {
            token = await UsableTokenAsync(connection, client, force: true, cancellationToken);
            return await call(client, token);
        }
    }

    public void Seal(SocialConnection connection, PlatformGrant grant)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(grant);
        connection.AccessTokenSealed = cipher.Encrypt(grant.AccessToken, connection.TokenContext(AccessField));
        connection.AccessExpiresAt = grant.AccessExpiresAt;
        if (grant.RefreshToken is not null)
        {
            // Google keeps the first refresh token valid and sends none on refresh; keep ours then.
            connection.RefreshTokenSealed = cipher.Encrypt(grant.RefreshToken, connection.TokenContext(RefreshField));
            connection.RefreshExpiresAt = grant.RefreshExpiresAt;
        }

        connection.NeedsReconnect = false;
        connection.UpdatedAt = clock.GetUtcNow();
    }

    /// <summary>Re-seals a connection's tokens with the active key (key rotation); false when already current.</summary>
    public bool Reseal(SocialConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var changed = false;
        if (cipher.NeedsRotation(connection.AccessTokenSealed))
        {
            connection.AccessTokenSealed = cipher.Encrypt(cipher.Decrypt(connection.AccessTokenSealed, connection.TokenContext(AccessField)), connection.TokenContext(AccessField));
            changed = true;
        }

        if (connection.RefreshTokenSealed is { } sealedRefresh && cipher.NeedsRotation(sealedRefresh))
        {
            connection.RefreshTokenSealed = cipher.Encrypt(cipher.Decrypt(sealedRefresh, connection.TokenContext(RefreshField)), connection.TokenContext(RefreshField));
            changed = true;
        }

        return changed;
    }

    private async Task<string> UsableTokenAsync(SocialConnection connection, IPlatformClient client, bool force, CancellationToken cancellationToken)
    {
        var access = cipher.Decrypt(connection.AccessTokenSealed, connection.TokenContext(AccessField));
        if (!force && !client.ShouldRefresh(connection.AccessExpiresAt, clock.GetUtcNow()))
        {
            return access;
        }

        var refresh = connection.RefreshTokenSealed is { } sealedRefresh ? cipher.Decrypt(sealedRefresh, connection.TokenContext(RefreshField)) : null;
        try
        {
            var grant = await client.RefreshAsync(access, refresh, cancellationToken);
            Seal(connection, grant);
            await db.SaveChangesAsync(cancellationToken);
            return grant.AccessToken;
        }
        catch (PlatformException exception) when (!force && exception.Kind is PlatformFailureKind.Unavailable or PlatformFailureKind.RateLimited && connection.AccessExpiresAt > clock.GetUtcNow())
        {
            // An early refresh can wait for the next call while the current token still works.
            return access;
        }
        catch (PlatformException exception) when (exception.Kind is PlatformFailureKind.TokenRejected or PlatformFailureKind.Refused)
        {
            connection.NeedsReconnect = true;
            connection.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            throw new PlatformException(connection.Platform, PlatformFailureKind.TokenRejected, exception.Message);
        }
    }
}
