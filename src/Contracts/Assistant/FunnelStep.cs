namespace CreatorOS.Contracts.Assistant;

/// <summary>Coaches who reached a phase; drop-off is the share lost since the previous step.</summary>
public sealed record FunnelStep(string Phase, long Coaches, double DropOffPct);
