using CreatorOS.Contracts.Privacy;
using CreatorOS.Modules.Accounts.Data;
using CreatorOS.SharedKernel.Identity;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Accounts.Privacy;

/// <summary>
/// GDPR export and erasure across every module. Workspaces the user owns alone go with them;
/// a workspace with another owner stays, minus this user's membership.
/// </summary>
internal sealed class AccountDataRequests(AccountsDbContext db, IEnumerable<IPersonalDataOwner> owners, TimeProvider clock)
{
    public async Task<DataSubject> SubjectAsync(Guid userId, CancellationToken cancellationToken)
    {
        var owned = await db.Members.Where(m => m.UserId == userId && m.Role == WorkspaceRoles.Owner).Select(m => m.WorkspaceId).ToListAsync(cancellationToken);
        var shared = await db.Members
            .Where(m => owned.Contains(m.WorkspaceId) && m.UserId != userId && m.Role == WorkspaceRoles.Owner)
            .Select(m => m.WorkspaceId)
            .ToListAsync(cancellationToken);
        return new DataSubject(userId, [.. owned.Except(shared)]);
    }

    public async Task<Dictionary<string, object>> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var subject = await SubjectAsync(userId, cancellationToken);
        var export = new Dictionary<string, object>
        {
            ["exportedAt"] = clock.GetUtcNow(),
            ["format"] = "CreatorOS personal data export v1",
        };
        foreach (var owner in owners.OrderBy(o => o.Module, StringComparer.Ordinal))
        {
            export[owner.Module] = await owner.ExportAsync(subject, cancellationToken);
        }

        return export;
    }

    /// <summary>Other modules first, Accounts last: if anything fails the user can still sign in and retry.</summary>
    public async Task EraseAsync(Guid userId, CancellationToken cancellationToken)
    {
        var subject = await SubjectAsync(userId, cancellationToken);
        foreach (var owner in owners.OrderBy(o => o is AccountsPersonalData ? 1 : 0))
        {
            await owner.EraseAsync(subject, cancellationToken);
        }
    }
}
