using System.Globalization;
using System.Runtime;
using System.Threading.Channels;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.Bench.AveryLoad.Server;

/// <summary>
/// The child process (<c>serve</c>): hosts the app, seeds the coaches, then answers the driver's
/// commands on stdin, one per line. Answers go to stdout prefixed with <see cref="Prefix"/> so
/// they cannot be confused with the app's own console log lines.
/// </summary>
internal static class ServeCommand
{
    public const string Prefix = "@bench ";

    /// <summary>A child whose driver vanished without a word still ends by itself.</summary>
    private static readonly TimeSpan HardDeadline = TimeSpan.FromMinutes(15);

    private sealed record Coach(Guid WorkspaceId, Guid UserId, string Name);

    public static async Task<int> RunAsync(string provider, int coachCount, string? sqliteDir)
    {
        using var deadline = new Timer(_ => Environment.Exit(3), null, HardDeadline, Timeout.InfiniteTimeSpan);
        var commands = ReadStdin();
        using var efCounters = new EfCounters();
        using var efTimer = new EfCommandTimer();
        await using var database = await BenchDatabase.CreateAsync(provider, sqliteDir);
        await using var host = new BenchHost(database.Provider, database.ConnectionString, database.Folder);
        var address = host.Start();
        var coaches = await SeedAsync(host.Services, coachCount);
        var tickets = host.Services.GetRequiredService<SocketTickets>();
        Reply($"ready {address.Port} {coaches.Count} {(GCSettings.IsServerGC ? "server" : "workstation")} {database.Describe()}");

        await foreach (var line in commands.ReadAllAsync())
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words)
            {
                case ["tickets", var from, var count]:
                    var start = int.Parse(from, CultureInfo.InvariantCulture);
                    var end = Math.Min(coaches.Count, start + int.Parse(count, CultureInfo.InvariantCulture));
                    for (var i = start; i < end; i++)
                    {
                        Reply("t " + tickets.Issue(coaches[i].WorkspaceId, coaches[i].UserId, coaches[i].Name));
                    }

                    Reply("ok");
                    break;
                case ["rss"]:
                    Reply(Memory());
                    break;
                case ["cpu"]:
                    Reply(string.Create(CultureInfo.InvariantCulture, $"cpu {Environment.CpuUsage.TotalTime.TotalMilliseconds:0} allocated_bytes={GC.GetTotalAllocatedBytes()} gen0_collections={GC.CollectionCount(0)} gen2_collections={GC.CollectionCount(2)} db_command_us={(long)efTimer.CommandTime.TotalMicroseconds} jit_methods={System.Runtime.JitInfo.GetCompiledMethodCount()} jit_us={(long)System.Runtime.JitInfo.GetCompilationTime().TotalMicroseconds} {efCounters.Snapshot()}"));
                    break;
                case ["quit"]:
                    efTimer.WriteStatements();
                    return 0;
                default:
                    Reply($"unknown {line}");
                    break;
            }
        }

        // stdin closed: the driver is gone, so is the reason to run.
        return 0;
    }

    /// <summary>Stores opened directly through the storefront: no sign-up, no password hashing to slow the seeding.</summary>
    private static async Task<List<Coach>> SeedAsync(IServiceProvider services, int count)
    {
        var coaches = Enumerable.Range(0, count).Select(i => new Coach(Guid.NewGuid(), Guid.NewGuid(), $"Coach {i}")).ToList();
        await Parallel.ForEachAsync(coaches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (coach, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IStorefront>().OpenAsync(coach.WorkspaceId, coach.Name, cancellationToken);
        });
        return coaches;
    }

    /// <summary>Resident memory of the whole process, and the live managed heap after a full, compacting collection.</summary>
    private static string Memory()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var managed = GC.GetTotalMemory(forceFullCollection: false);
        var rssKb = File.ReadLines("/proc/self/status")
            .Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        return string.Create(CultureInfo.InvariantCulture, $"rss {rssKb} {managed} {ThreadPool.ThreadCount}");
    }

    private static void Reply(string line) => Console.Out.WriteLine(Prefix + line);

    /// <summary>Console reads block, so a dedicated thread turns stdin into an awaitable stream of lines.</summary>
    private static ChannelReader<string> ReadStdin()
    {
        var lines = Channel.CreateUnbounded<string>();
        var reader = new Thread(() =>
        {
            while (Console.In.ReadLine() is { } line)
            {
                lines.Writer.TryWrite(line.Trim());
            }

            lines.Writer.TryComplete();
        })
        {
            IsBackground = true,
            Name = "bench-stdin",
        };
        reader.Start();
        return lines.Reader;
    }
}
