using Microsoft.Extensions.Configuration;

namespace CreatorOS.Modules.Engagement.Jobs;

/// <summary>This process's name in the run history and in the Quartz cluster; unique among the live nodes.</summary>
internal sealed record JobNode(string Name)
{
    /// <summary>
    /// A name that survives restarts (a pod or host name), so a restarted node can fail at once the runs its
    /// previous life left at "running" (<see cref="InterruptedRuns"/>). Without it every process gets a fresh
    /// name and such runs are only failed once they are older than any run may take.
    /// </summary>
    public const string NameSetting = "Jobs:NodeName";

    public static JobNode ForThisProcess(IConfiguration configuration) =>
        configuration[NameSetting] is { Length: > 0 } name
            ? new(name.Trim())
            : new($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}");
}
