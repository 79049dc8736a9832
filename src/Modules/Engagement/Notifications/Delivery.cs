namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>
/// One notification on one outbound channel (email or push). Unique per (notification, channel):
/// that pair is the idempotency key, and email carries it as the Message-ID.
/// </summary>
internal sealed class Delivery
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>Dropped on purpose: the user is gone or has no address/subscription for the channel.</summary>
    public const string Dropped = "dropped";

    /// <summary>Held for the daily digest email.</summary>
    public const string Digest = "digest";

    public const int MaxAttempts = 6;

    public required Guid Id { get; init; }

    public required Guid NotificationId { get; init; }

    public required Guid UserId { get; init; }

    public required string Channel { get; init; }

    public required string Status { get; set; }

    public int Attempts { get; set; }

    public required DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>A claim older than this is presumed abandoned (node died mid-send) and taken again.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }
}
