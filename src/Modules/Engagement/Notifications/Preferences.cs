using CreatorOS.Contracts.Engagement;
using CreatorOS.Modules.Engagement.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>Reads and saves a user's channel choices per category, time zone, quiet hours and digest.</summary>
internal sealed class Preferences(EngagementDbContext db, TimeProvider clock)
{
    /// <summary>Stands for every non-critical category (the digest's unsubscribe link).</summary>
    public const string AllCategories = "*";

    public async Task<PreferenceChoices> LoadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var stored = await db.Preferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var channels = new Dictionary<(string, string), bool>();
        foreach (var category in NotificationCategories.All)
        {
            foreach (var channel in NotificationChannels.All)
            {
                channels[(category, channel)] = NotificationCategories.IsCritical(category)
                    || (stored.FirstOrDefault(p => p.Category == category && p.Channel == channel)?.Enabled ?? true);
            }
        }

        return new PreferenceChoices(channels, settings?.TimeZone ?? "UTC", settings?.QuietFromMinute, settings?.QuietToMinute, settings?.EmailDigest ?? false);
    }

    /// <summary>Saves everything, or nothing and the reasons (field → message).</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(Guid userId, PreferenceChoices choices, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(choices.TimeZone, out _))
        {
            errors["timeZone"] = $"'{choices.TimeZone}' is not a time zone we know, e.g. Europe/London.";
        }

        if (choices.QuietFromMinute is null != choices.QuietToMinute is null)
        {
            errors["quietHours"] = "Give both the start and the end of quiet hours, or neither.";
        }
        else if (choices.QuietFromMinute is < 0 or >= 1440 || choices.QuietToMinute is < 0 or >= 1440)
        {
            errors["quietHours"] = "Quiet hours are times of day (00:00-23:59).";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        foreach (var ((category, channel), enabled) in choices.Channels)
        {
            if (!NotificationCategories.IsKnown(category) || !NotificationChannels.All.Contains(channel) || NotificationCategories.IsCritical(category))
            {
                continue;
            }

            await SetAsync(userId, category, channel, enabled, cancellationToken);
        }

        var settings = await db.Settings.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (settings is null)
        {
            settings = new NotificationSettings { UserId = userId, TimeZone = choices.TimeZone, UpdatedAt = clock.GetUtcNow() };
            db.Settings.Add(settings);
        }

        settings.TimeZone = choices.TimeZone;
        settings.QuietFromMinute = choices.QuietFromMinute;
        settings.QuietToMinute = choices.QuietToMinute;
        settings.EmailDigest = choices.EmailDigest;
        settings.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new Dictionary<string, string>();
    }

    /// <summary>Turns one channel of one category off (the unsubscribe link). Critical categories cannot be turned off.</summary>
    public async Task<bool> MuteAsync(Guid userId, string category, string channel, CancellationToken cancellationToken)
    {
        if (category == AllCategories)
        {
            foreach (var each in NotificationCategories.All.Where(c => !NotificationCategories.IsCritical(c)))
            {
                await SetAsync(userId, each, channel, enabled: false, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        if (!NotificationCategories.IsKnown(category) || NotificationCategories.IsCritical(category))
        {
            return false;
        }

        await SetAsync(userId, category, channel, enabled: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task SetAsync(Guid userId, string category, string channel, bool enabled, CancellationToken cancellationToken)
    {
        var row = await db.Preferences.SingleOrDefaultAsync(p => p.UserId == userId && p.Category == category && p.Channel == channel, cancellationToken);
        if (row is null)
        {
            db.Preferences.Add(new ChannelPreference { UserId = userId, Category = category, Channel = channel, Enabled = enabled });
        }
        else
        {
            row.Enabled = enabled;
        }
    }
}
