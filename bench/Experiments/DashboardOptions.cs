using System.Globalization;

namespace CreatorOS.Bench.Experiments;

/// <param name="Keep">
/// A PostgreSQL database name or SQLite file to load once and reuse: a later run against the same
/// name skips the load, so before/after comparisons time the panels over the same rows.
/// </param>
internal sealed record DashboardOptions(string Provider, int Rows, int Days, int Coaches, string? Keep)
{
    public static DashboardOptions? Parse(IReadOnlyList<string> args)
    {
        var provider = "sqlite";
        string? keep = null;
        int rows = 10_000_000, days = 365, coaches = 50_000;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--db": provider = args[i + 1]; break;
                case "--rows": rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--days": days = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--coaches": coaches = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--keep": keep = args[i + 1]; break;
                default: return null;
            }
        }

        return args.Count % 2 == 0 && provider is "sqlite" or "postgres" && rows > 0 && days > 0 && coaches > 0 ? new(provider, rows, days, coaches, keep) : null;
    }
}
