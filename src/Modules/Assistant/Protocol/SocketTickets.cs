using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace CreatorOS.Modules.Assistant.Protocol;

/// <summary>
/// Short-lived (60 s), single-use tickets that let the embeddable widget open the socket from a
/// page where the auth cookie is not sent. Signed and encrypted with the app's data-protection keys.
/// </summary>
internal sealed class SocketTickets(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("CreatorOS.Assistant.SocketTicket").ToTimeLimitedDataProtector();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    private sealed record Ticket(Guid WorkspaceId, Guid UserId, string BusinessName, string Nonce);

    public string Issue(Guid workspaceId, Guid userId, string businessName)
    {
        var ticket = new Ticket(workspaceId, userId, businessName, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        return _protector.Protect(JsonSerializer.Serialize(ticket), clock.GetUtcNow().Add(Lifetime));
    }

    /// <summary>The coach the ticket names, if it is genuine, unexpired and not used before.</summary>
    public (Guid WorkspaceId, Guid UserId, string BusinessName)? Redeem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 2048)
        {
            return null;
        }

        try
        {
            var ticket = JsonSerializer.Deserialize<Ticket>(_protector.Unprotect(value, out var expires));
            if (ticket is null || !_used.TryAdd(ticket.Nonce, expires))
            {
                return null;
            }

            Sweep();
            return (ticket.WorkspaceId, ticket.UserId, ticket.BusinessName);
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (nonce, expires) in _used)
        {
            if (expires < now)
            {
                _used.TryRemove(nonce, out _);
            }
        }
    }
}
