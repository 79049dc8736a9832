using System.Security.Claims;

namespace CreatorOS.SharedKernel.Identity;

/// <summary>Claims the Accounts module puts in the auth cookie; every module authorises with them.</summary>
public static class WorkspaceClaims
{
    public const string WorkspaceId = "creatoros:workspace_id";
    public const string WorkspaceRole = "creatoros:workspace_role";
    public const string WorkspaceName = "creatoros:workspace_name";
    public const string PlatformAdmin = "creatoros:platform_admin";

    /// <summary>Policy: signed in and owner of the workspace in the cookie.</summary>
    public const string OwnerPolicy = "WorkspaceOwner";

    /// <summary>Policy: the platform team.</summary>
    public const string PlatformAdminPolicy = "PlatformAdmin";

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? WorkspaceIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(WorkspaceId), out var id) ? id : null;

    /// <summary>The workspace of a signed-in owner; throws when the caller skipped the owner policy.</summary>
    public static Guid RequireOwnedWorkspace(this ClaimsPrincipal user) =>
        user.FindFirstValue(WorkspaceRole) == WorkspaceRoles.Owner && user.WorkspaceIdOf() is { } id
            ? id
            : throw new UnauthorizedAccessException("The signed-in user does not own a workspace.");
}

public static class WorkspaceRoles
{
    public const string Owner = "owner";
    public const string Staff = "staff";
    public const string Customer = "customer";
    public const string Student = "student";
    public const string Parent = "parent";

    public static readonly IReadOnlyList<string> All = [Owner, Staff, Customer, Student, Parent];
}
