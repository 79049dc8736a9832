namespace CreatorOS.Modules.Experiments.Dashboard;

internal static class DashboardRange
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    /// <summary>A day count from the query string, kept between 1 and a year.</summary>
    public static int Clamp(int? days) => Math.Clamp(days ?? DefaultDays, 1, MaxDays);
}
