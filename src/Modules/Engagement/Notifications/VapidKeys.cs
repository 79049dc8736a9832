using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CreatorOS.Modules.Engagement.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>
/// The server's VAPID identity (RFC 8292): a P-256 key pair made on first use and kept in the
/// database, the private half encrypted with Data Protection. Every node of a cluster reads the
/// same pair, so subscriptions made through any node verify against it.
/// </summary>
internal sealed class VapidKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : IDisposable
{
    private readonly IDataProtector _protector = protection.CreateProtector("CreatorOS.Engagement.Vapid.v1");
    private readonly SemaphoreSlim _loading = new(1, 1);
    private ECDsa? _key;
    private string? _publicKey;

    /// <summary>The public key, base64url of the uncompressed point: the browser's applicationServerKey.</summary>
    public async Task<string> PublicKeyAsync(CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        return _publicKey!;
    }

    /// <summary>The Authorization header value for a push service origin: <c>vapid t=JWT, k=public key</c>.</summary>
    public async Task<string> AuthorizationAsync(Uri endpoint, string subject, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { typ = "JWT", alg = "ES256" }));
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new
        {
            aud = endpoint.GetLeftPart(UriPartial.Authority),
            exp = clock.GetUtcNow().AddHours(12).ToUnixTimeSeconds(),
            sub = subject,
        }));
        var signingInput = $"{header}.{claims}";
        var signature = _key!.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"vapid t={signingInput}.{Base64Url(signature)}, k={_publicKey}";
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_key is not null)
            {
                return;
            }

            var record = await ReadAsync(cancellationToken) ?? await CreateAsync(cancellationToken);
            var privateKey = WebEncoders.Base64UrlDecode(Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(record.ProtectedPrivateKey))));
            var publicPoint = WebEncoders.Base64UrlDecode(record.PublicKey);
            _key = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                D = privateKey,
                Q = new ECPoint { X = publicPoint[1..33], Y = publicPoint[33..65] },
            });
            _publicKey = record.PublicKey;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<VapidKeyRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngagementDbContext>().VapidKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.Id == VapidKeyRecord.SingletonId, cancellationToken);
    }

    private async Task<VapidKeyRecord> CreateAsync(CancellationToken cancellationToken)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        var record = new VapidKeyRecord
        {
            Id = VapidKeyRecord.SingletonId,
            PublicKey = Base64Url(WebPushEncryption.Uncompressed(parameters.Q)),
            ProtectedPrivateKey = Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(Base64Url(parameters.D!)))),
            CreatedAt = clock.GetUtcNow(),
        };

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
            db.VapidKeys.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            return record;
        }
        catch (DbUpdateException)
        {
            // Another node made the pair first; use theirs.
            return await ReadAsync(cancellationToken) ?? throw new InvalidOperationException("The VAPID key could neither be stored nor read.");
        }
    }

    private static string Base64Url(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);

    public void Dispose()
    {
        _key?.Dispose();
        _loading.Dispose();
    }
}
