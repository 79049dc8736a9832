namespace CreatorOS.Modules.Experiments.Definitions;

internal static class ExperimentStatus
{
    public const string Draft = "draft";
    public const string Running = "running";
    public const string Stopped = "stopped";
    public const string Concluded = "concluded";
}
