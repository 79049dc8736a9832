using System.Security.Cryptography;
using System.Text;

namespace CreatorOS.Modules.Social.Connections;

/// <summary>Random values for state and binding nonces, and the hashes that are all we store of them.</summary>
internal static class OAuthSecrets
{
    public static string NewValue() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public static bool SameHash(string value, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(value)), Encoding.ASCII.GetBytes(hash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
