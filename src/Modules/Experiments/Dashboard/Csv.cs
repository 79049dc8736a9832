using System.Text;

namespace CreatorOS.Modules.Experiments.Dashboard;

/// <summary>RFC 4180 CSV of a panel; text cells that a spreadsheet would run as a formula are prefixed with a quote.</summary>
internal static class Csv
{
    public static string Write(PanelTable table)
    {
        var builder = new StringBuilder();
        builder.AppendJoin(',', table.Columns.Select(Cell)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            builder.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return builder.ToString();
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
