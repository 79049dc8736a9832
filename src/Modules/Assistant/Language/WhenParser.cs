using System.Globalization;
using System.Text.RegularExpressions;

namespace CreatorOS.Modules.Assistant.Language;

/// <summary>
/// Reads when a live session should start ("friday at 7pm", "tomorrow 6pm", "next monday",
/// "14 march at 18:30") relative to now, in UTC. A day without a time is at 18:00; a time without
/// a day is today, or tomorrow when that has passed.
/// </summary>
internal static partial class WhenParser
{
    public static readonly TimeSpan DefaultTime = new(18, 0, 0);

    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private static readonly string[] MonthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static DateTimeOffset? Parse(string? text, DateTimeOffset now)
    {
        var folded = TextNormalizer.Fold(TextNormalizer.Normalize(text));
        now = now.ToUniversalTime();
        var today = new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero);
        var time = TimeOf(folded);
        DateTimeOffset? day = null;

        if (PhraseMatch.Contains(folded, "tomorrow"))
        {
            day = today.AddDays(1);
        }
        else if (PhraseMatch.ContainsAny(folded, ["today", "tonight", "this evening"]))
        {
            day = today;
        }
        else if (WeekdayOf(folded) is { } weekday)
        {
            var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
            day = today.AddDays(ahead == 0 ? 7 : ahead);
        }
        else if (DateOf(folded, today) is { } date)
        {
            day = date;
        }

        if (day is null && time is null)
        {
            return null;
        }

        var at = (day ?? today) + (time ?? DefaultTime);
        if (day is null && at <= now)
        {
            at = at.AddDays(1);
        }

        return at;
    }

    /// <summary>The next weekday at 18:00 UTC that is at least 24 hours away: a sensible default slot.</summary>
    public static DateTimeOffset DefaultSlot(DateTimeOffset now)
    {
        now = now.ToUniversalTime();
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1) + DefaultTime;
        while (at < now.AddHours(24) || at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            at = at.AddDays(1);
        }

        return at;
    }

    private static DayOfWeek? WeekdayOf(string folded)
    {
        for (var i = 0; i < DayNames.Length; i++)
        {
            if (PhraseMatch.Contains(folded, DayNames[i]) || PhraseMatch.Contains(folded, DayNames[i][..3]))
            {
                return (DayOfWeek)i;
            }
        }

        return null;
    }

    private static DateTimeOffset? DateOf(string folded, DateTimeOffset today)
    {
        var match = DayMonth().Match(folded);
        var dayText = match.Groups["day"].Value;
        var monthText = match.Groups["month"].Value;
        if (!match.Success)
        {
            match = MonthDay().Match(folded);
            dayText = match.Groups["day"].Value;
            monthText = match.Groups["month"].Value;
        }

        if (!match.Success)
        {
            return null;
        }

        var month = Array.FindIndex(MonthNames, m => m.StartsWith(monthText, StringComparison.Ordinal)) + 1;
        var dayOfMonth = int.Parse(dayText, CultureInfo.InvariantCulture);
        if (month == 0 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(today.Year, month))
        {
            return null;
        }

        var date = new DateTimeOffset(today.Year, month, dayOfMonth, 0, 0, 0, TimeSpan.Zero);
        return date < today ? date.AddYears(1) : date;
    }

    private static TimeSpan? TimeOf(string folded)
    {
        var match = Clock().Match(folded);
        if (match.Success)
        {
            var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var half = match.Groups["ampm"].Value;
            if (half.Length > 0)
            {
                if (hour is < 1 or > 12)
                {
                    return null;
                }

                hour = hour % 12 + (half.StartsWith('p') ? 12 : 0);
            }
            else if (!match.Groups["m"].Success)
            {
                // "at 7" with no am/pm: coaches mean the evening for anything before 8.
                hour = hour is >= 1 and < 8 ? hour + 12 : hour;
            }

            return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeSpan(hour, minute, 0) : null;
        }

        return PhraseMatch.Contains(folded, "noon") || PhraseMatch.Contains(folded, "midday") ? new TimeSpan(12, 0, 0)
            : PhraseMatch.Contains(folded, "morning") ? new TimeSpan(9, 0, 0)
            : PhraseMatch.Contains(folded, "lunchtime") ? new TimeSpan(12, 30, 0)
            : PhraseMatch.Contains(folded, "afternoon") ? new TimeSpan(14, 0, 0)
            : PhraseMatch.ContainsAny(folded, ["evening", "tonight"]) ? DefaultTime
            : null;
    }

    // "7pm", "7 pm", "7:30pm", "19:00", "at 7", "at 19"
    [GeneratedRegex(@"(?:(?<![\d.:])(?<h>\d{1,2}):(?<m>\d{2})\s?(?<ampm>am|pm|a\.m\.|p\.m\.)?|(?<![\d.:])(?<h>\d{1,2})\s?(?<ampm>am|pm|a\.m\.|p\.m\.)|\bat (?<h>\d{1,2})\b(?![:.]?\d|\s?(?:st|nd|rd|th)\b))", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)?(?: of)? (?<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* (?<day>\d{1,2})(?:st|nd|rd|th)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDay();
}
