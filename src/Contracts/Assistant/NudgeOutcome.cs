namespace CreatorOS.Contracts.Assistant;

public sealed record NudgeOutcome(string NudgeType, long Scheduled, long Sent, long Responded);
