namespace CreatorOS.Modules.Experiments.Dashboard;

/// <summary>
/// One dashboard panel: its table (rendered as HTML and exported as CSV from the same rows) and
/// the Chart.js configuration drawn above it. An empty panel says why it is empty.
/// </summary>
internal sealed record PanelTable(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, object? Chart, string EmptyMessage)
{
    public bool IsEmpty => Rows.Count == 0;
}
