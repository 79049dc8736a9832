namespace CreatorOS.Modules.Experiments.Assignment;

/// <summary>The first time a unit's assigned variant was actually rendered.</summary>
internal sealed class Exposure
{
    public required Guid Id { get; init; }

    public required Guid ExperimentId { get; init; }

    public required string UnitId { get; init; }

    public required string Variant { get; init; }

    public required DateTimeOffset ExposedAt { get; init; }
}
