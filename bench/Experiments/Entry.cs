using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CreatorOS.Bench.Experiments;

/// <summary>
/// <c>assign</c>: BenchmarkDotNet over one assignment evaluation (hash + weighted ranges).
/// <c>dashboard --db sqlite|postgres --rows N</c>: loads N assistant_events and times every dashboard panel.
/// </summary>
internal static class Entry
{
    public const string Usage = "usage: assign | dashboard --db sqlite|postgres [--rows 10000000] [--days 365] [--coaches 50000] [--keep DBNAME|FILE]";

    public static async Task<int> Main(string[] args)
    {
        if (args is ["assign", ..])
        {
            var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10));
            BenchmarkRunner.Run<AssignmentBenchmarks>(config);
            return 0;
        }

        if (args is ["dashboard", .. var rest] && DashboardOptions.Parse(rest) is { } options)
        {
            return await DashboardBench.RunAsync(options);
        }

        await Console.Error.WriteLineAsync(Usage);
        return 2;
    }
}
