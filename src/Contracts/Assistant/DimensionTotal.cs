namespace CreatorOS.Contracts.Assistant;

/// <summary>An event's count and summed amount for one dimension value over a range of days.</summary>
public sealed record DimensionTotal(string Dimension, long Count, double Total);
