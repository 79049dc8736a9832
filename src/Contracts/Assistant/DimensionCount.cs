namespace CreatorOS.Contracts.Assistant;

/// <summary>Events of one kind on one day with one dimension value; Total sums the event's amount (cost, seconds).</summary>
public sealed record DimensionCount(DateOnly Date, string Dimension, long Count, double Total);
