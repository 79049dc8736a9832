using System.Globalization;

namespace CreatorOS.Modules.Experiments.Dashboard;

/// <summary>Invariant number formats for tables and CSV (one format in both, so exports re-import cleanly).</summary>
internal static class Format
{
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Num(double? value, int decimals = 2) => value is null || double.IsNaN(value.Value) ? "" : Math.Round(value.Value, decimals).ToString(CultureInfo.InvariantCulture);

    public static string Pct(double? fraction, int decimals = 1) => fraction is null ? "" : Num(fraction * 100, decimals);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
