using CreatorOS.Contracts.Jobs;
using CreatorOS.Modules.Social.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Social.Vault;

/// <summary>
/// Key rotation: after a new key is made active (old keys stay configured), this daily job re-seals
/// every token still sealed with an older key; once it has run, the old key can be removed.
/// Idempotent: tokens already on the active key are left alone.
/// </summary>
internal sealed class TokenKeyRotation(SocialDbContext db, ConnectionTokens tokens, TokenCipher cipher) : IRecurringJob
{
    private const int BatchSize = 200;

    public string Key => "social.token-key-rotation";

    public string CronUtc => "0 30 3 * * ?";

    public Task RunAsync(DateTimeOffset scheduledAt, CancellationToken cancellationToken) => RotateAsync(cancellationToken);

    /// <summary>Returns how many connections were re-sealed.</summary>
    public async Task<int> RotateAsync(CancellationToken cancellationToken)
    {
        if (!cipher.IsConfigured)
        {
            return 0;
        }

        var resealed = 0;
        for (var skip = 0; ; skip += BatchSize)
        {
            // Re-sealing does not change ids, so offset paging sees every row once.
            var batch = await db.Connections
                .OrderBy(c => c.Id)
                .Skip(skip)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return resealed;
            }

            resealed += batch.Count(tokens.Reseal);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
