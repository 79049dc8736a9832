using CreatorOS.Contracts.Accounts;
using CreatorOS.Modules.Accounts.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Accounts.Users;

internal sealed class UserDirectory(AccountsDbContext db) : IUserDirectory
{
    public async Task<UserContact?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.Email != null)
            .Select(u => new UserContact(u.Id, u.Email!, u.IsPlatformAdmin))
            .SingleOrDefaultAsync(cancellationToken);
}
