namespace CreatorOS.Modules.Experiments.Assignment;

/// <summary>A unit's recorded variant (spec table ab_test_assignments): written once, unique per unit and experiment.</summary>
internal sealed class UnitAssignment
{
    public required Guid Id { get; init; }

    public required Guid ExperimentId { get; init; }

    public required string UnitId { get; init; }

    public required string Variant { get; init; }

    /// <summary>The experiment version whose weights chose the variant.</summary>
    public required int Version { get; init; }

    public required double Bucket { get; init; }

    public required DateTimeOffset AssignedAt { get; init; }
}
