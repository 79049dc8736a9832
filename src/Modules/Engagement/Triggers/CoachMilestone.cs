namespace CreatorOS.Modules.Engagement.Triggers;

/// <summary>A milestone a workspace has reached (e.g. <c>subscribers:100</c>, <c>revenue:500</c>); its key makes each fire once.</summary>
internal sealed class CoachMilestone
{
    public required Guid WorkspaceId { get; init; }

    public required string Key { get; init; }

    public required DateTimeOffset ReachedAt { get; init; }
}
