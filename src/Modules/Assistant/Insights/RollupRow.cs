namespace CreatorOS.Modules.Assistant.Insights;

/// <summary>A row of <see cref="RollupQuery"/>'s result; property names are the SQL aliases.</summary>
internal sealed class RollupRow
{
    public required string EventName { get; init; }

    public required string Dimension { get; init; }

    public required long Count { get; init; }

    public required double Total { get; init; }
}
