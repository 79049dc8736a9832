namespace CreatorOS.Modules.Experiments.Definitions;

/// <summary>The weights and targeting an experiment had from one version on; the history of its edits.</summary>
internal sealed class ExperimentVersion
{
    public required Guid Id { get; init; }

    public required Guid ExperimentId { get; init; }

    public required int Version { get; init; }

    public required string Variants { get; init; }

    public required string Targeting { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
