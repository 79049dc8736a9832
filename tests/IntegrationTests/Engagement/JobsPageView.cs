using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>A job row of /admin/jobs as the admin sees it.</summary>
internal sealed record ShownJob(string Key, string State, string Next)
{
    public DateTimeOffset? NextFireAt =>
        DateTimeOffset.TryParseExact(Next, "yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}

/// <summary>A run-history row of /admin/jobs: the cells in page order.</summary>
internal sealed record ShownRun(string Outcome, string Job, string Duration, string Node, string Error);

/// <summary>Reads the two tables of the jobs dashboard from its HTML, as a person reads the page.</summary>
internal static partial class JobsPageView
{
    public static IReadOnlyList<ShownJob> Jobs(string html) =>
        [.. JobRow().Matches(html).Select(m => new ShownJob(
            WebUtility.HtmlDecode(m.Groups[1].Value),
            Text(StateCell().Match(m.Groups[2].Value).Groups[1].Value),
            Text(NextCell().Match(m.Groups[2].Value).Groups[1].Value)))];

    public static IReadOnlyList<ShownRun> Runs(string html) =>
        [.. RunRow().Matches(html).Select(m =>
        {
            var cells = Cell().Matches(m.Groups[2].Value).Select(c => Text(c.Groups[1].Value)).ToList();
            return new ShownRun(m.Groups[1].Value, cells[0], cells[3], cells[5], cells[6]);
        })];

    /// <summary>The state without the problem note that may follow it.</summary>
    private static string Text(string cell) =>
        WebUtility.HtmlDecode(Tag().Replace(cell.Split("<br", 2)[0], string.Empty)).Trim();

    [GeneratedRegex("<tr data-job=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex JobRow();

    [GeneratedRegex("<td data-testid=\"state\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex StateCell();

    [GeneratedRegex("<td data-testid=\"next\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex NextCell();

    [GeneratedRegex("<tr data-outcome=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RunRow();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
