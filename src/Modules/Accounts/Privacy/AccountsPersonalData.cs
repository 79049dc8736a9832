using CreatorOS.Contracts.Privacy;
using CreatorOS.Modules.Accounts.Data;
using CreatorOS.SharedKernel.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Accounts.Privacy;

/// <summary>The Accounts module's own share of a GDPR export and erasure.</summary>
internal sealed class AccountsPersonalData(AccountsDbContext db) : IPersonalDataOwner
{
    public string Module => "accounts";

    public async Task<object> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == subject.UserId, cancellationToken);
        var memberships = await db.Members.AsNoTracking().Where(m => m.UserId == subject.UserId).ToListAsync(cancellationToken);
        var workspaceIds = memberships.Select(m => m.WorkspaceId).ToList();
        var workspaces = await db.Workspaces.AsNoTracking().Where(w => workspaceIds.Contains(w.Id)).ToListAsync(cancellationToken);
        return new
        {
            user = new { user.Id, user.Email, user.EmailConfirmed, user.CreatedAt, user.IsPlatformAdmin, user.TwoFactorEnabled },
            workspaces = workspaces.Select(w => new
            {
                w.Id,
                w.Name,
                w.CreatedAt,
                role = memberships.Single(m => m.WorkspaceId == w.Id).Role,
            }),
        };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var owned = subject.OwnedWorkspaceIds;
        await db.Members.Where(m => m.UserId == subject.UserId || owned.Contains(m.WorkspaceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Workspaces.Where(w => owned.Contains(w.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(r => r.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.Id == subject.UserId).ExecuteDeleteAsync(cancellationToken);

        foreach (var id in owned.Append(subject.UserId))
        {
            await db.Set<OutboxMessage>().PurgeMentionsAsync(id, cancellationToken);
        }
    }
}
