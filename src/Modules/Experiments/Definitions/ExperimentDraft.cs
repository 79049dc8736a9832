namespace CreatorOS.Modules.Experiments.Definitions;

/// <summary>What an admin submits to create or edit an experiment.</summary>
internal sealed record ExperimentDraft(
    string Key,
    string Name,
    string? Description,
    IReadOnlyList<VariantWeight> Variants,
    string PrimaryMetric,
    IReadOnlyList<TargetingRule> Targeting,
    bool AutoPromote);
