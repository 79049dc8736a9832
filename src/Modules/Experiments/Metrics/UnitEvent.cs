namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>
/// A fact about a unit that metrics count (<c>blog_published</c>, <c>store_shared</c>, <c>active</c>, ...).
/// <see cref="Reference"/> makes a fact recorded twice (an event delivered again) count once.
/// </summary>
internal sealed class UnitEvent
{
    public required Guid Id { get; init; }

    public required string UnitId { get; init; }

    public required string EventName { get; init; }

    public string Reference { get; init; } = "";

    public double? Value { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
}
