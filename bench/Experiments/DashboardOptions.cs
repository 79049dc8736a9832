using System.Globalization;

namespace CreatorOS.Bench.Experiments;

internal sealed record DashboardOptions(string Provider, int Rows, int Days, int Coaches)
{
    public static DashboardOptions? Parse(IReadOnlyList<string> args)
    {
        var provider = "sqlite";
        int rows = 10_000_000, days = 365, coaches = 50_000;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--db": provider = args[i + 1]; break;
                case "--rows": rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--days": days = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--coaches": coaches = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: return null;
            }
        }

        return provider is "sqlite" or "postgres" && rows > 0 && days > 0 && coaches > 0 ? new(provider, rows, days, coaches) : null;
    }
}
