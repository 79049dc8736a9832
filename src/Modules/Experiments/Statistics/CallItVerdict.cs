namespace CreatorOS.Modules.Experiments.Statistics;

/// <summary>keep_running, winner, no_winner or invalid, with the reasons in plain words.</summary>
internal sealed record CallItVerdict(string Status, string? Winner, IReadOnlyList<string> Reasons)
{
    public const string KeepRunning = "keep_running";
    public const string WinnerFound = "winner";
    public const string NoWinner = "no_winner";
    public const string Invalid = "invalid";
}
