namespace CreatorOS.Modules.Experiments.Dashboard;

/// <summary>Chart.js configurations as plain objects; the page serialises them into data-chart attributes.</summary>
internal static class Charts
{
    private static readonly string[] Palette = ["#2563eb", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#06b6d4", "#84cc16", "#ec4899"];

    public static string Color(int index) => Palette[index % Palette.Length];

    public static object Bar(IReadOnlyList<string> labels, IReadOnlyList<(string Label, IReadOnlyList<double?> Values)> series, bool stacked = false, bool horizontal = false, string? yTitle = null) => new
    {
        type = "bar",
        data = new
        {
            labels,
            datasets = series.Select((s, i) => new { label = s.Label, data = s.Values, backgroundColor = Color(i) }),
        },
        options = new
        {
            indexAxis = horizontal ? "y" : "x",
            responsive = true,
            animation = false,
            scales = new { x = new { stacked }, y = new { stacked, beginAtZero = true, title = new { display = yTitle is not null, text = yTitle ?? "" } } },
        },
    };

    public static object Line(IReadOnlyList<string> labels, IReadOnlyList<(string Label, IReadOnlyList<double?> Values)> series, string? yTitle = null) => new
    {
        type = "line",
        data = new
        {
            labels,
            datasets = series.Select((s, i) => new { label = s.Label, data = s.Values, borderColor = Color(i), backgroundColor = Color(i), spanGaps = true, tension = 0.2 }),
        },
        options = new
        {
            responsive = true,
            animation = false,
            scales = new { y = new { beginAtZero = true, title = new { display = yTitle is not null, text = yTitle ?? "" } } },
        },
    };

    /// <summary>Floating bars [low, high] per label: confidence intervals around zero.</summary>
    public static object Intervals(IReadOnlyList<string> labels, IReadOnlyList<double[]?> ranges, string title) => new
    {
        type = "bar",
        data = new
        {
            labels,
            datasets = new[] { new { label = title, data = ranges, backgroundColor = Color(0) } },
        },
        options = new
        {
            indexAxis = "y",
            responsive = true,
            animation = false,
            scales = new { x = new { title = new { display = true, text = title } } },
        },
    };
}
