using CreatorOS.Contracts.Accounts;
using CreatorOS.Modules.Accounts.Data;
using CreatorOS.Modules.Accounts.Users;
using CreatorOS.Modules.Accounts.Workspaces;
using CreatorOS.SharedKernel.Identity;
using CreatorOS.SharedKernel.Outbox;
using Microsoft.AspNetCore.Identity;

namespace CreatorOS.Modules.Accounts.Registration;

/// <summary>
/// Creates a coach: the user, their business workspace and their owner membership, in one
/// transaction with the <see cref="WorkspaceCreated"/> event — all of it or nothing.
/// </summary>
internal sealed class CoachRegistrar(AccountsDbContext db, UserManager<AccountUser> users, TimeProvider clock) : IAccountRegistration
{
    public const int BusinessNameMaxLength = 120;

    public async Task<RegistrationResult> RegisterCoachAsync(CoachRegistration registration, CancellationToken cancellationToken)
    {
        var businessName = registration.BusinessName.Trim();
        if (businessName.Length is 0 or > BusinessNameMaxLength)
        {
            return Failed($"Your business name must be 1 to {BusinessNameMaxLength} characters.");
        }

        var now = clock.GetUtcNow();
        var user = new AccountUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = registration.Email.Trim(),
            Email = registration.Email.Trim(),
            IsPlatformAdmin = registration.IsPlatformAdmin,
            CreatedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, registration.Password);
        if (!created.Succeeded)
        {
            return Failed([.. created.Errors.Select(e => e.Description)]);
        }

        var workspace = new Workspace { Id = Guid.CreateVersion7(now), Name = businessName, CreatedAt = now };
        db.Workspaces.Add(workspace);
        db.Members.Add(new WorkspaceMember { WorkspaceId = workspace.Id, UserId = user.Id, Role = WorkspaceRoles.Owner, JoinedAt = now });
        db.AddIntegrationEvent(new WorkspaceCreated(Guid.CreateVersion7(now), now, workspace.Id, user.Id, businessName));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RegistrationResult(user.Id, workspace.Id, []);
    }

    public async Task<bool> ExistsAsync(string email, CancellationToken cancellationToken) =>
        await users.FindByEmailAsync(email.Trim()) is not null;

    private static RegistrationResult Failed(params string[] errors) => new(null, null, errors);
}
