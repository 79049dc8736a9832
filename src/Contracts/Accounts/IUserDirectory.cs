namespace CreatorOS.Contracts.Accounts;

/// <summary>
/// Looks up where to reach a user (notifications, digests). Returns null for a user that no
/// longer exists, so a sender can drop work for an erased account instead of failing.
/// </summary>
public interface IUserDirectory
{
    Task<UserContact?> FindAsync(Guid userId, CancellationToken cancellationToken);
}

public sealed record UserContact(Guid UserId, string Email, bool IsPlatformAdmin);
