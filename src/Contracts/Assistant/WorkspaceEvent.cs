namespace CreatorOS.Contracts.Assistant;

public sealed record WorkspaceEvent(Guid WorkspaceId, DateTimeOffset At);
