namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>Quiet hours in the user's own time zone; a window may wrap past midnight (22:00-07:00).</summary>
internal static class QuietHours
{
    /// <summary>When a non-critical email or push may go out: now, or the end of the current quiet window.</summary>
    public static DateTimeOffset NextAllowed(NotificationSettings? settings, DateTimeOffset now)
    {
        if (settings is not { QuietFromMinute: { } from, QuietToMinute: { } to } || from == to)
        {
            return now;
        }

        var zone = FindZone(settings.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var minute = local.Hour * 60 + local.Minute;
        var quiet = from < to ? minute >= from && minute < to : minute >= from || minute < to;
        if (!quiet)
        {
            return now;
        }

        var endDate = from < to || minute < to ? local.Date : local.Date.AddDays(1);
        var endLocal = endDate.AddMinutes(to);
        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal)).ToUniversalTime();
    }

    public static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
