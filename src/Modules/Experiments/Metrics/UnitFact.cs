namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>A fact to record once per (unit, event, reference); see <c>Assigner.TrackManyOnceAsync</c>.</summary>
internal sealed record UnitFact(string EventName, string Reference, double? Value, DateTimeOffset OccurredAt);
