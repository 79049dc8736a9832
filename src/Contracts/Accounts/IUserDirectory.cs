namespace CreatorOS.Contracts.Accounts;

/// <summary>
/// Looks up where to reach a user (notifications, digests). Returns null for a user that no
/// longer exists, so a sender can drop work for an erased account instead of failing.
/// </summary>
public interface IUserDirectory
{
    Task<UserContact?> FindAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The owners of a workspace (who hear about its milestones); empty when it has none left.</summary>
    Task<IReadOnlyList<Guid>> OwnersAsync(Guid workspaceId, CancellationToken cancellationToken);
}

public sealed record UserContact(Guid UserId, string Email, bool IsPlatformAdmin);
