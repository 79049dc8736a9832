namespace CreatorOS.Modules.Engagement.Jobs;

/// <summary>This process's name in the run history and in the Quartz cluster.</summary>
internal sealed record JobNode(string Name)
{
    public static JobNode ForThisProcess() => new($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}");
}
