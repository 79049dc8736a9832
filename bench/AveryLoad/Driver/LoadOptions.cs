using System.Globalization;

namespace CreatorOS.Bench.AveryLoad.Driver;

/// <summary>Command-line options of the driver; defaults are the targets.</summary>
internal sealed record LoadOptions(int Idle, int Active, double Rate, int Seconds, string Database, int Warmup, int Batch, string Gc, string? SqliteDir = null, bool Show = false)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/AveryLoad -- [options]
          --idle N       idle sockets to open and hold (default 5000)
          --active N     extra coaches that hold conversations (default 200)
          --rate R       total coach messages per second across the active coaches (default 500)
          --seconds S    length of the active phase (default 20)
          --db NAME      sqlite (default) or postgres (needs CREATOROS_BENCH_POSTGRES, an admin connection string)
          --warmup N     coaches that run the script round after round until the server's JIT settles
                         (default: as many as --active, so it warms up at the concurrency it is measured at)
          --batch N      sockets connected in parallel per batch (default 200)
          --show         print the first warm-up coach's conversation (what it said, the tools run, Avery's reply)
          --sqlite-dir D where the throwaway SQLite file goes (default: the temp folder); /dev/shm takes the disk's fsync out of the figures
          --gc MODE      workstation (default, as the web app runs) or server: the server child's GC
        """;

    /// <summary>
    /// Methods that only run when many turns wait on each other (the write gate's queue, await
    /// continuations that really suspend) stay cold with a few warm-up coaches and JIT in the
    /// measured phase: 20 warm-up coaches left 4,300 methods for a 200-coach phase, 200 left 2,400.
    /// </summary>
    private const int WarmupAsActive = -1;

    public int Coaches => Idle + Active + Warmup;

    public static LoadOptions? Parse(string[] args)
    {
        var options = new LoadOptions(5000, 200, 500, 20, "sqlite", WarmupAsActive, 200, "workstation");
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--show")
            {
                options = options with { Show = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
            {
                return null;
            }

            options = args[i] switch
            {
                "--idle" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0 => options with { Idle = n },
                "--active" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0 => options with { Active = n },
                "--rate" when double.TryParse(value, CultureInfo.InvariantCulture, out var r) && r > 0 => options with { Rate = r },
                "--seconds" when int.TryParse(value, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 600 => options with { Seconds = s },
                "--db" when value is "sqlite" or "postgres" => options with { Database = value },
                "--warmup" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0 => options with { Warmup = n },
                "--sqlite-dir" when Directory.Exists(value) => options with { SqliteDir = Path.GetFullPath(value) },
                "--gc" when value is "server" or "workstation" => options with { Gc = value },
                "--batch" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 => options with { Batch = n },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }

            i++;
        }

        return options.Warmup == WarmupAsActive ? options with { Warmup = options.Active } : options;
    }
}
