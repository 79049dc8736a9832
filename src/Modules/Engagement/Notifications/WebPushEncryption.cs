using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>
/// Message encryption for Web Push (RFC 8291, "aes128gcm" content coding of RFC 8188) with .NET's
/// own ECDH P-256, HKDF and AES-GCM: one record, a fresh server key pair and salt per message.
/// </summary>
internal static class WebPushEncryption
{
    private const int RecordSize = 4096;
    private const int TagSize = 16;

    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, byte[] userAgentPublicKey, byte[] authSecret)
    {
        if (userAgentPublicKey.Length != 65 || userAgentPublicKey[0] != 0x04)
        {
            throw new ArgumentException("p256dh must be an uncompressed P-256 point (65 bytes).", nameof(userAgentPublicKey));
        }

        if (authSecret.Length != 16)
        {
            throw new ArgumentException("auth must be 16 bytes.", nameof(authSecret));
        }

        if (plaintext.Length > RecordSize - TagSize - 1)
        {
            throw new ArgumentException("The payload does not fit in one record.", nameof(plaintext));
        }

        using var userAgent = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = userAgentPublicKey[1..33], Y = userAgentPublicKey[33..65] },
        });
        using var server = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var serverPublicKey = Uncompressed(server.ExportParameters(false).Q);
        var sharedSecret = server.DeriveRawSecretAgreement(userAgent.PublicKey);

        // RFC 8291 §3.4: combine the ECDH secret with the subscription's auth secret.
        var keyInfo = Concat(Encoding.ASCII.GetBytes("WebPush: info\0"), userAgentPublicKey, serverPublicKey);
        var inputKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, 32, authSecret, keyInfo);

        // RFC 8188 §2.2-2.3: content encryption key and nonce from a random salt.
        var salt = RandomNumberGenerator.GetBytes(16);
        var contentKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, inputKey, 16, salt, Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0"));
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, inputKey, 12, salt, Encoding.ASCII.GetBytes("Content-Encoding: nonce\0"));

        var padded = new byte[plaintext.Length + 1];
        plaintext.CopyTo(padded);
        padded[^1] = 0x02; // delimiter of the last (only) record

        var header = new byte[16 + 4 + 1 + serverPublicKey.Length];
        salt.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(16, 4), RecordSize);
        header[20] = (byte)serverPublicKey.Length;
        serverPublicKey.CopyTo(header, 21);

        var body = new byte[header.Length + padded.Length + TagSize];
        header.CopyTo(body, 0);
        using var aes = new AesGcm(contentKey, TagSize);
        aes.Encrypt(nonce, padded, body.AsSpan(header.Length, padded.Length), body.AsSpan(header.Length + padded.Length, TagSize));
        return body;
    }

    public static byte[] Uncompressed(ECPoint point) => Concat([0x04], point.X!, point.Y!);

    private static byte[] Concat(params byte[][] parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }

        return result;
    }
}
