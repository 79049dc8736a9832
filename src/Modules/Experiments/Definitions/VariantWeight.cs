namespace CreatorOS.Modules.Experiments.Definitions;

/// <summary>A variant and its share of the traffic in whole percent.</summary>
internal sealed record VariantWeight(string Key, int Weight);
