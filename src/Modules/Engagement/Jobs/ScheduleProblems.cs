using System.Collections.Concurrent;

namespace CreatorOS.Modules.Engagement.Jobs;

/// <summary>Recurring jobs this node could not schedule (a malformed cron), for the dashboard.</summary>
internal sealed class ScheduleProblems
{
    private readonly ConcurrentDictionary<string, string> _problems = new();

    public void Report(string jobKey, string problem) => _problems[jobKey] = problem;

    public IReadOnlyDictionary<string, string> All => _problems;
}
