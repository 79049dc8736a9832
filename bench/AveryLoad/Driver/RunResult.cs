using System.Globalization;
using System.Text;
using CreatorOS.SharedKernel.Persistence;

namespace CreatorOS.Bench.AveryLoad.Driver;

/// <summary>What a run measured, and the block it prints at the end.</summary>
internal sealed class RunResult(LoadOptions options)
{
    private const double IdleTargetKb = 40;
    private const double RoundTripTargetMs = 25;

    /// <summary>
    /// The phase's first seconds still see tiered compilation promote methods that only a busy
    /// server calls often enough (about 2,000 of them, 1.5–2.5 s of JIT at 500 msg/s); a long-running
    /// server is past that, so the steady-state figure leaves them out. The whole-phase figure stays.
    /// </summary>
    private static readonly TimeSpan SteadyAfter = TimeSpan.FromSeconds(5);
    private const double PreviewTargetMs = 50;
    private const double PreviewSpecMs = 200;

    public string GcMode { get; set; } = "?";

    public string Storage { get; set; } = "?";

    public int WarmupTurns { get; set; }

    public double WarmupSeconds { get; set; }

    /// <summary>Methods the server JIT-compiled per second in the last warm-up round.</summary>
    public double WarmupJitRate { get; set; }

    public MemoryReading? Before { get; set; }

    public MemoryReading? Idle { get; set; }

    public MemoryReading? End { get; set; }

    public int IdleHeld { get; set; }

    public int IdleWelcomed { get; set; }

    public int IdleHeldAtEnd { get; set; }

    public double IdleConnectSeconds { get; set; }

    public int ActiveConnected { get; set; }

    public double ActiveSeconds { get; set; }

    public double RoundsPerCoach { get; set; }

    /// <summary>CPU the server child used during the active phase.</summary>
    public TimeSpan? ServerCpu { get; set; }

    /// <summary>Growth during the active phase of the server's EF Core counters, allocated bytes and GC counts, by name.</summary>
    public IReadOnlyDictionary<string, long> ServerWork { get; set; } = new Dictionary<string, long>();

    /// <summary>CPU the driver used during the active phase (it shares the machine's cores with the server).</summary>
    public TimeSpan? DriverCpu { get; set; }

    public TurnStats Turns { get; } = new();

    /// <summary>Stopwatch timestamp of the active phase's first slot.</summary>
    public long ActiveStartedAt { get; set; }

    public Tally WarmupErrors { get; } = new();

    public Tally IdleErrors { get; } = new();

    public Tally ActiveErrors { get; } = new();

    public (int Warnings, int Failures) ServerLog { get; set; }

    public bool Finished { get; set; }

    public string? Abort { get; set; }

    public int ErrorCount => WarmupErrors.Total + IdleErrors.Total + ActiveErrors.Total;

    public string Render()
    {
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        void Line(string label, string value) => b.Append(c, $"{label,-27}{value}\n");

        b.Append('\n');
        b.Append(c, $"Avery load ({Storage}, {Environment.ProcessorCount} cores, {options.Idle} idle + {options.Active} active, target {options.Rate:0.#} msg/s for {options.Seconds} s; server GC: {GcMode})\n");
        if (Abort is not null)
        {
            Line("RUN INCOMPLETE:", Abort);
        }

        if (options.Warmup > 0)
        {
            Line("warm-up:", string.Create(c, $"{WarmupTurns} turns by {options.Warmup} coaches in {WarmupSeconds:0} s; server JIT at the end {WarmupJitRate:0} methods/s"));
        }

        Line("connections held:", string.Create(c, $"{IdleHeld} / {options.Idle} idle ({IdleWelcomed} welcomed, all opened in {IdleConnectSeconds:0.0} s); {IdleHeldAtEnd} still open at the end; {ActiveConnected} / {options.Active} active"));
        if (Before is not null && Idle is not null && options.Idle > 0)
        {
            var n = Math.Max(1, IdleHeld);
            var rssKb = (Idle.RssKb - Before.RssKb) / (double)n;
            var managedKb = (Idle.ManagedBytes - Before.ManagedBytes) / 1024.0 / n;
            Line("memory per idle socket:", string.Create(c, $"{rssKb:0.0} KB RSS (target ≤ {IdleTargetKb:0} KB: {Verdict(rssKb <= IdleTargetKb)}), {managedKb:0.0} KB managed"));
            Line("", string.Create(c, $"server RSS {Before.RssKb / 1024.0:0.0} → {Idle.RssKb / 1024.0:0.0} MB, managed heap after full GC {Before.ManagedBytes / 1048576.0:0.0} → {Idle.ManagedBytes / 1048576.0:0.0} MB"));
        }
        else
        {
            Line("memory per idle socket:", "not measured");
        }

        if (options.Active > 0)
        {
            var rate = ActiveSeconds > 0 ? Turns.Completed / ActiveSeconds : 0;
            Line("messages/s achieved:", string.Create(c, $"{rate:0.0} ({Turns.Completed} turns completed of {Turns.Sent} sent in {ActiveSeconds:0.0} s, {RoundsPerCoach:0.0} per coach; {Turns.Skipped} slots skipped because the coach's previous turn was still open)"));
            if (ServerCpu is { } serverCpu && DriverCpu is { } driverCpu && Turns.Completed > 0 && ActiveSeconds > 0)
            {
                var perTurn = serverCpu.TotalMilliseconds / Turns.Completed;
                Line("CPU per message:", string.Create(c, $"server {perTurn:0.00} ms, driver {driverCpu.TotalMilliseconds / Turns.Completed:0.00} ms; server busy {serverCpu.TotalSeconds / ActiveSeconds * 100:0}% of one core (≈ {Environment.ProcessorCount * 1000 / perTurn:0} msg/s if the server had every core to itself)"));
                Line("", string.Create(c, $"server allocated {ServerWork.GetValueOrDefault("allocated_bytes") / 1024.0 / Turns.Completed:0} KB per message; {ServerWork.GetValueOrDefault("gen0_collections")} gen0 and {ServerWork.GetValueOrDefault("gen2_collections")} gen2 collections in the phase; {ServerWork.GetValueOrDefault("jit_methods")} methods JIT-compiled in it, {ServerWork.GetValueOrDefault("jit_us") / 1000.0:0} ms of JIT"));
            }

            var efPerTurn = ServerWork
                .Where(p => p.Key is "microsoft.entityframeworkcore.queries" or "microsoft.entityframeworkcore.savechanges" or "microsoft.entityframeworkcore.compiled_query_cache_misses" && Turns.Completed > 0)
                .Select(p => string.Create(c, $"{p.Value / (double)Turns.Completed:0.0} {p.Key["microsoft.entityframeworkcore.".Length..].Replace('_', ' ')}"))
                .ToList();
            if (efPerTurn.Count > 0)
            {
                Line("database work per message:", string.Join(", ", efPerTurn) + string.Create(c, $"; {ServerWork.GetValueOrDefault("db_command_us") / 1000.0 / Turns.Completed:0.00} ms in database commands (wall time, EF Core diagnostics)"));
            }

            if (ServerWork.TryGetValue(Server.EfCounters.HoldInstrument, out var heldUs) && Turns.Completed > 0 && ActiveSeconds > 0)
            {
                var waitedUs = ServerWork.GetValueOrDefault(SqliteWriteGate.WaitInstrument);
                Line("SQLite write gate:", string.Create(c, $"held {heldUs / 1000.0 / Turns.Completed:0.00} ms and waited for {waitedUs / 1000.0 / Turns.Completed:0.00} ms per message; held {heldUs / 10_000.0 / ActiveSeconds:0}% of the phase (one writer at a time, so 100% is the ceiling)"));
                var byContext = ServerWork
                    .Where(p => p.Key.StartsWith(Server.EfCounters.HoldInstrument + "@", StringComparison.Ordinal))
                    .OrderByDescending(p => p.Value)
                    .Select(p =>
                    {
                        var context = p.Key[(Server.EfCounters.HoldInstrument.Length + 1)..];
                        var saves = ServerWork.GetValueOrDefault(Server.EfCounters.SavesPrefix + context);
                        return string.Create(c, $"{context} {p.Value / 1000.0 / Turns.Completed:0.00} ms in {saves / (double)Turns.Completed:0.00} saves");
                    });
                Line("", "held per message, by context: " + string.Join("; ", byContext));
            }

            var p50 = Turns.RoundTrip.Percentile(50);
            var p99 = Turns.RoundTrip.Percentile(99);
            Line("round trip p50 / p99:", p99 is null
                ? "no samples"
                : string.Create(c, $"{p50:0.0} ms / {p99:0.0} ms (target p99 < {RoundTripTargetMs:0} ms: {Verdict(p99 < RoundTripTargetMs)}); max {Turns.RoundTrip.Max():0.0} ms, n = {Turns.RoundTrip.Count}"));
            if (p99 is not null)
            {
                var timeline = Turns.RoundTrip.PercentileBySecond(ActiveStartedAt, 99).Select(v => v is null ? "-" : string.Create(c, $"{v:0}"));
                Line("", "p99 per second of the phase (ms): " + string.Join(" ", timeline));
                var steady = Turns.RoundTrip.PercentileAfter(ActiveStartedAt, SteadyAfter, 99);
                var steadyP50 = Turns.RoundTrip.PercentileAfter(ActiveStartedAt, SteadyAfter, 50);
                Line("", steady is null
                    ? "steady state: the phase is too short"
                    : string.Create(c, $"steady state (turns sent {SteadyAfter.TotalSeconds:0} s or more into the phase, after the JIT's last promotions): p50 {steadyP50:0.0} ms / p99 {steady:0.0} ms (target p99 < {RoundTripTargetMs:0} ms: {Verdict(steady < RoundTripTargetMs)})"));
                var slowest = Turns.RoundTripByLine
                    .Select(l => (Line: l.Key, P50: l.Value.PercentileAfter(ActiveStartedAt, SteadyAfter, 50), P99: l.Value.PercentileAfter(ActiveStartedAt, SteadyAfter, 99)))
                    .Where(l => l.P99 is not null)
                    .OrderByDescending(l => l.P99)
                    .Take(4)
                    .Select(l => string.Create(c, $"\"{l.Line}\" {l.P50:0.0} / {l.P99:0.0}"));
                Line("", "slowest lines, steady p50 / p99 (ms): " + string.Join("; ", slowest));

                // The onboarding lines run only in the first seconds, all coaches together, so they show here and not above.
                var slowestWhole = Turns.RoundTripByLine
                    .Select(l => (Line: l.Key, P50: l.Value.Percentile(50), P99: l.Value.Percentile(99)))
                    .Where(l => l.P99 is not null)
                    .OrderByDescending(l => l.P99)
                    .Take(4)
                    .Select(l => string.Create(c, $"\"{l.Line}\" {l.P50:0.0} / {l.P99:0.0}"));
                Line("", "slowest lines, whole phase p50 / p99 (ms): " + string.Join("; ", slowestWhole));
            }

            var pushed = Turns.PreviewAfterCommit.Percentile(95);
            var sent = Turns.PreviewAfterSend.Percentile(95);
            var together = Turns.PreviewAfterCommit.ShareBelow(0.1);
            var verdict = together >= 0.5 ? "not measurable, see below" : Verdict(pushed < PreviewTargetMs);
            Line("preview push p95:", pushed is null
                ? "no samples"
                : string.Create(c, $"{pushed:0.0} ms after function_complete (target < {PreviewTargetMs:0} ms: {verdict}; spec {PreviewSpecMs:0} ms); {sent:0.0} ms after the coach's message; n = {Turns.PreviewAfterCommit.Count}"));
            Line("", "function_complete is sent right after the tool's database commit, so the first figure is commit → push as a client sees it");
            if (together >= 0.5)
            {
                Line("", string.Create(c, $"but {together:P0} of pushes arrived in the same burst as their function_complete: the connection's send queue was backed up, so that figure understates the server's gap; the figure after the coach's message is the one to read"));
            }
            if (Turns.CommitsWithoutPreview > 0)
            {
                Line("", string.Create(c, $"{Turns.CommitsWithoutPreview} store-changing tool results were not followed by a preview push"));
            }
        }

        Line("errors:", ErrorCount.ToString(c));
        foreach (var (phase, tally) in new[] { ("warm-up", WarmupErrors), ("idle", IdleErrors), ("active", ActiveErrors) })
        {
            foreach (var (kind, count) in tally.ByKind)
            {
                Line("", string.Create(c, $"{count,6} × {phase}: {kind}"));
            }
        }

        Line("server log:", string.Create(c, $"{ServerLog.Failures} error and {ServerLog.Warnings} warning lines"));
        if (End is not null)
        {
            Line("server at the end:", string.Create(c, $"RSS {End.RssKb / 1024.0:0.0} MB, managed heap after full GC {End.ManagedBytes / 1048576.0:0.0} MB, {End.Threads} pool threads"));
        }

        return b.ToString();
    }

    private static string Verdict(bool met) => met ? "met" : "NOT MET";
}
