using System.Security.Claims;
using CreatorOS.Modules.Accounts.Data;
using CreatorOS.Modules.Accounts.Users;
using CreatorOS.SharedKernel.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Accounts.Workspaces;

/// <summary>
/// Puts the user's current workspace and role in the cookie, so every module can authorise
/// without asking Accounts. An owned workspace wins over other memberships.
/// </summary>
internal sealed class WorkspaceClaimsFactory(
    UserManager<AccountUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options,
    AccountsDbContext db) : UserClaimsPrincipalFactory<AccountUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AccountUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var memberships = await db.Members.Where(m => m.UserId == user.Id).ToListAsync();
        var current = memberships.FirstOrDefault(m => m.Role == WorkspaceRoles.Owner) ?? memberships.FirstOrDefault();
        if (current is not null)
        {
            identity.AddClaim(new Claim(WorkspaceClaims.WorkspaceId, current.WorkspaceId.ToString()));
            identity.AddClaim(new Claim(WorkspaceClaims.WorkspaceRole, current.Role));
            var name = await db.Workspaces.Where(w => w.Id == current.WorkspaceId).Select(w => w.Name).SingleAsync();
            identity.AddClaim(new Claim(WorkspaceClaims.WorkspaceName, name));
        }

        if (user.IsPlatformAdmin)
        {
            identity.AddClaim(new Claim(WorkspaceClaims.PlatformAdmin, "true"));
        }

        return identity;
    }
}
