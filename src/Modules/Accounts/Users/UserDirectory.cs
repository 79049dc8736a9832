using CreatorOS.Contracts.Accounts;
using CreatorOS.Modules.Accounts.Data;
using CreatorOS.SharedKernel.Identity;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Accounts.Users;

internal sealed class UserDirectory(AccountsDbContext db) : IUserDirectory
{
    public async Task<UserContact?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.Email != null)
            .Select(u => new UserContact(u.Id, u.Email!, u.IsPlatformAdmin))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> OwnersAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.Role == WorkspaceRoles.Owner)
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);
}
