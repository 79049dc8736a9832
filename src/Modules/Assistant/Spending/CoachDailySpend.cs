namespace CreatorOS.Modules.Assistant.Spending;

/// <summary>
/// What one coach's model calls cost on one UTC day, the counter every node adds to and reads, so the
/// daily budget holds across the cluster. Micro-dollars in an integer: exact sums on both databases
/// (SQLite has no decimal type).
/// </summary>
internal sealed class CoachDailySpend
{
    public required Guid WorkspaceId { get; init; }

    public required DateOnly Day { get; init; }

    public long CostMicroUsd { get; set; }

    public int Calls { get; set; }
}
