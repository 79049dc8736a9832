namespace CreatorOS.Modules.Experiments.Data;

/// <summary>A one-time data backfill that ran to the end, and how many units it changed.</summary>
internal sealed class DataBackfill
{
    public required string Name { get; init; }

    public required int Units { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }
}
