namespace CreatorOS.Contracts.Engagement;

/// <summary>How one kind of nudge did over a period: scheduled, delivered, answered.</summary>
public sealed record NudgeOutcome(string NudgeType, long Scheduled, long Sent, long Responded);
