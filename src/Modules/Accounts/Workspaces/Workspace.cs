namespace CreatorOS.Modules.Accounts.Workspaces;

/// <summary>A business on the platform (a coach's practice, a tutor, a shop).</summary>
internal sealed class Workspace
{
    public required Guid Id { get; init; }

    public required string Name { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A user's place in a workspace. Roles: see <see cref="SharedKernel.Identity.WorkspaceRoles"/>.</summary>
internal sealed class WorkspaceMember
{
    public required Guid WorkspaceId { get; init; }

    public required Guid UserId { get; init; }

    public required string Role { get; set; }

    public required DateTimeOffset JoinedAt { get; init; }
}
