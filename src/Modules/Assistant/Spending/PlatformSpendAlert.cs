namespace CreatorOS.Modules.Assistant.Spending;

/// <summary>
/// The platform's spend alert for one UTC day, raised by whichever node first saw the day's total
/// pass the threshold: the row's key makes it once per day for the whole cluster.
/// </summary>
internal sealed class PlatformSpendAlert
{
    public required DateOnly Day { get; init; }

    public required long SpentMicroUsd { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }
}
