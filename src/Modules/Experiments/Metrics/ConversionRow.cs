namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>A row of <see cref="ConversionQuery"/>; property names are the SQL aliases.</summary>
internal sealed class ConversionRow
{
    public required string Variant { get; init; }

    public required long Units { get; init; }

    public required long Successes { get; init; }
}
