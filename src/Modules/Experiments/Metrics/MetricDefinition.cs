namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>
/// A metric as data: what event, counted how, in which window after the unit's assignment.
/// Built-in ones are the spec's table; admins add their own.
/// </summary>
internal sealed class MetricDefinition
{
    public required string Key { get; init; }

    public required string Name { get; set; }

    /// <summary>See <see cref="MetricKind"/>.</summary>
    public required string Kind { get; set; }

    /// <summary><c>assistant</c> (Avery's analytics events) or <c>experiments</c> (facts tracked through IExperiments).</summary>
    public required string Source { get; set; }

    public required string EventName { get; set; }

    /// <summary>Window start, in days after assignment (inclusive).</summary>
    public required int WindowStartDays { get; set; }

    /// <summary>Window end, in days after assignment (exclusive).</summary>
    public required int WindowEndDays { get; set; }

    public bool HigherIsBetter { get; set; } = true;

    public bool BuiltIn { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
