using System.Security.Cryptography;
using System.Text;

namespace CreatorOS.Modules.Social.Vault;

/// <summary>
/// AES-256-GCM for platform tokens. The stored text is <c>v1.{keyId}.{base64(nonce|ciphertext|tag)}</c>:
/// the key id travels with the value so keys can rotate, and the associated data binds each value to
/// its connection and field, so a ciphertext copied to another row or column does not decrypt.
/// </summary>
internal sealed class TokenCipher(TokenKeyRing keys)
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public bool IsConfigured => keys.IsConfigured;

    public string Encrypt(string plaintext, string context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var keyId = keys.ActiveId ?? throw new InvalidOperationException("No social token key is configured.");
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + clear.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.Active, TagSize);
        aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceSize, clear.Length), sealedBytes.AsSpan(NonceSize + clear.Length), Encoding.UTF8.GetBytes(context));
        CryptographicOperations.ZeroMemory(clear);
        return $"{Version}.{keyId}.{Convert.ToBase64String(sealedBytes)}";
    }

    /// <exception cref="CryptographicException">The value was tampered with, moved, or its key is gone.</exception>
    public string Decrypt(string stored, string context)
    {
        var (keyId, sealedBytes) = Parse(stored);
        var key = keys.Find(keyId) ?? throw new CryptographicException($"Token key '{keyId}' is no longer configured.");
        var clear = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, clear.Length), sealedBytes.AsSpan(NonceSize + clear.Length), clear, Encoding.UTF8.GetBytes(context));
        return Encoding.UTF8.GetString(clear);
    }

    /// <summary>Whether a stored value was sealed with a key other than the active one (rotation pending).</summary>
    public bool NeedsRotation(string stored) => Parse(stored).KeyId != keys.ActiveId;

    private static (string KeyId, byte[] Sealed) Parse(string stored)
    {
        var parts = stored.Split('.');
        if (parts.Length != 3 || parts[0] != Version)
        {
            throw new CryptographicException("Not a sealed token.");
        }

        var bytes = Convert.FromBase64String(parts[2]);
        return bytes.Length < NonceSize + TagSize ? throw new CryptographicException("Sealed token is truncated.") : (parts[1], bytes);
    }
}
