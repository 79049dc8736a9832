namespace CreatorOS.Modules.Experiments.Metrics;

internal static class MetricSources
{
    /// <summary>Avery's analytics events (assistant_events), read through the Assistant's contract.</summary>
    public const string Assistant = "assistant";

    /// <summary>Facts recorded in this module (experiments_events).</summary>
    public const string Experiments = "experiments";

    public static readonly IReadOnlyList<string> All = [Assistant, Experiments];
}
