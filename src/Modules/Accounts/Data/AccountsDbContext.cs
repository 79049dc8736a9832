using CreatorOS.Modules.Accounts.Users;
using CreatorOS.Modules.Accounts.Workspaces;
using CreatorOS.SharedKernel.Outbox;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Accounts.Data;

internal sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : IdentityDbContext<AccountUser, IdentityRole<Guid>, Guid>(options)
{
    public const string Prefix = "accounts";

    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<WorkspaceMember> Members => Set<WorkspaceMember>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Index names are global in a PostgreSQL schema, so Identity's defaults get the module prefix.
        var user = builder.Entity<AccountUser>();
        user.ToTable("accounts_users");
        user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ix_accounts_users_normalized_email");
        user.HasIndex(u => u.NormalizedUserName).HasDatabaseName("ix_accounts_users_normalized_user_name").IsUnique();
        var role = builder.Entity<IdentityRole<Guid>>();
        role.ToTable("accounts_roles");
        role.HasIndex(r => r.NormalizedName).HasDatabaseName("ix_accounts_roles_normalized_name").IsUnique();
        builder.Entity<IdentityUserRole<Guid>>().ToTable("accounts_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("accounts_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("accounts_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("accounts_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("accounts_role_claims");

        var workspace = builder.Entity<Workspace>();
        workspace.ToTable("accounts_workspaces");
        workspace.HasKey(w => w.Id);
        workspace.Property(w => w.Name).HasMaxLength(120);

        var member = builder.Entity<WorkspaceMember>();
        member.ToTable("accounts_workspace_members");
        member.HasKey(m => new { m.WorkspaceId, m.UserId });
        member.Property(m => m.Role).HasMaxLength(20);
        member.HasIndex(m => m.UserId);

        builder.MapOutbox(Prefix);
        builder.ApplySnakeCaseColumns();
    }
}
