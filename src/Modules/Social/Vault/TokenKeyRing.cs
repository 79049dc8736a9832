using Microsoft.Extensions.Configuration;

namespace CreatorOS.Modules.Social.Vault;

/// <summary>
/// The AES-256 keys platform tokens are encrypted with, from configuration
/// (<c>Social:TokenKeys:Active</c> = key id, <c>Social:TokenKeys:Keys:{id}</c> = 32 bytes in base64;
/// set them through the environment or a secrets file, never appsettings). New tokens use the active
/// key; older keys stay listed until <see cref="TokenKeyRotation"/> has re-encrypted everything.
/// </summary>
internal sealed class TokenKeyRing
{
    public const string Section = "Social:TokenKeys";

    private readonly Dictionary<string, byte[]> _keys;

    public TokenKeyRing(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        _keys = [];
        foreach (var entry in section.GetSection("Keys").GetChildren())
        {
            var key = TryDecode(entry.Value) ?? throw new InvalidOperationException($"{Section}:Keys:{entry.Key} must be 32 bytes in base64 (AES-256).");
            if (!IsValidId(entry.Key))
            {
                throw new InvalidOperationException($"Token key id '{entry.Key}' must be 1-16 letters or digits.");
            }

            _keys[entry.Key] = key;
        }

        ActiveId = section["Active"] is { Length: > 0 } active ? active : _keys.Keys.SingleOrDefault();
        if (ActiveId is not null && !_keys.ContainsKey(ActiveId))
        {
            throw new InvalidOperationException($"{Section}:Active names key '{ActiveId}', which is not under {Section}:Keys.");
        }
    }

    /// <summary>Null when no key is configured: then no account can be connected (tokens are never stored in clear).</summary>
    public string? ActiveId { get; }

    public bool IsConfigured => ActiveId is not null;

    public byte[] Active => ActiveId is { } id ? _keys[id] : throw new InvalidOperationException("No social token key is configured.");

    public byte[]? Find(string id) => _keys.GetValueOrDefault(id);

    private static bool IsValidId(string id) => id.Length is > 0 and <= 16 && id.All(char.IsAsciiLetterOrDigit);

    private static byte[]? TryDecode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        var buffer = new byte[48];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written == 32 ? buffer[..32] : null;
    }
}
