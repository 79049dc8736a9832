namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>A user's choice for one channel of one category. No row means on.</summary>
internal sealed class ChannelPreference
{
    public required Guid UserId { get; init; }

    public required string Category { get; init; }

    public required string Channel { get; init; }

    public required bool Enabled { get; set; }
}
