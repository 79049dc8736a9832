using Microsoft.AspNetCore.Identity;

namespace CreatorOS.Modules.Accounts.Users;

/// <summary>A person who signs in: coach, staff, customer, student, parent or platform admin.</summary>
internal sealed class AccountUser : IdentityUser<Guid>
{
    public bool IsPlatformAdmin { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
