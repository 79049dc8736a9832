namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>A user's quiet hours (minutes after local midnight), time zone and digest choice.</summary>
internal sealed class NotificationSettings
{
    public required Guid UserId { get; init; }

    /// <summary>IANA id, e.g. <c>Europe/London</c>.</summary>
    public required string TimeZone { get; set; }

    public int? QuietFromMinute { get; set; }

    public int? QuietToMinute { get; set; }

    /// <summary>Non-critical emails are gathered into one email a day instead of sent one by one.</summary>
    public bool EmailDigest { get; set; }

    public required DateTimeOffset UpdatedAt { get; set; }
}
