namespace CreatorOS.Modules.Experiments.Metrics;

internal static class MetricKind
{
    /// <summary>Share of units with at least one event in the window (a rate; z-test and Bayesian).</summary>
    public const string Conversion = "conversion";

    /// <summary>Events per unit in the window (a mean).</summary>
    public const string Count = "count";

    /// <summary>Sum of the events' values per unit in the window (a mean, e.g. revenue).</summary>
    public const string Sum = "sum";

    /// <summary>Minutes from assignment to the first event, over units that had one (a mean).</summary>
    public const string TimeToFirst = "time_to_first";

    public static readonly IReadOnlyList<string> All = [Conversion, Count, Sum, TimeToFirst];
}
