using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>What a browser holds for a push subscription, and how it opens a message (RFC 8291 / RFC 8188), written from the browser's side.</summary>
internal sealed class BrowserPushKeys : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public byte[] Auth { get; } = RandomNumberGenerator.GetBytes(16);

    public byte[] PublicKey
    {
        get
        {
            var q = _key.ExportParameters(false).Q;
            return [0x04, .. q.X!, .. q.Y!];
        }
    }

    public object Subscription(string endpoint) => new
    {
        endpoint,
        keys = new { p256dh = WebEncoders.Base64UrlEncode(PublicKey), auth = WebEncoders.Base64UrlEncode(Auth) },
    };

    public string Decrypt(byte[] body)
    {
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        recordSize.ShouldBe(4096u);
        int keyLength = body[20];
        var serverKey = body[21..(21 + keyLength)];
        using var server = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = serverKey[1..33], Y = serverKey[33..65] },
        });
        var shared = _key.DeriveRawSecretAgreement(server.PublicKey);
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, Auth, [.. Encoding.ASCII.GetBytes("WebPush: info\0"), .. PublicKey, .. serverKey]);
        var cek = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0"));
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, Encoding.ASCII.GetBytes("Content-Encoding: nonce\0"));
        var cipher = body[(21 + keyLength)..];
        var plain = new byte[cipher.Length - 16];
        using var aes = new AesGcm(cek, 16);
        aes.Decrypt(nonce, cipher[..^16], cipher[^16..], plain);
        var end = Array.LastIndexOf(plain, (byte)0x02);
        end.ShouldBeGreaterThanOrEqualTo(0, "the last record ends with the 0x02 delimiter");
        return Encoding.UTF8.GetString(plain, 0, end);
    }

    /// <summary>Checks the VAPID header as a push service does: ES256 over the JWT with the key in k=, audience = its origin.</summary>
    public static void VerifyVapid(string authorization, string expectedAudience, string expectedPublicKey)
    {
        authorization.ShouldStartWith("vapid t=");
        var parts = authorization["vapid ".Length..].Split(", ").ToDictionary(p => p[..1], p => p[2..]);
        parts["k"].ShouldBe(expectedPublicKey);
        var jwt = parts["t"].Split('.');
        var point = WebEncoders.Base64UrlDecode(parts["k"]);
        using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..65] } });
        key.VerifyData(Encoding.ASCII.GetBytes(jwt[0] + "." + jwt[1]), WebEncoders.Base64UrlDecode(jwt[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            .ShouldBeTrue("the VAPID signature verifies with the advertised key");
        var claims = System.Text.Json.JsonDocument.Parse(WebEncoders.Base64UrlDecode(jwt[1])).RootElement;
        claims.GetProperty("aud").GetString().ShouldBe(expectedAudience);
        claims.GetProperty("sub").GetString()!.ShouldStartWith("mailto:");
    }

    public void Dispose() => _key.Dispose();
}
