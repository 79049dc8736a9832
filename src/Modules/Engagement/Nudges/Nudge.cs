namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>
/// A message Avery will send a coach at a set time (spec table avery_nudges). The template is
/// hydrated with the store's figures when it is sent, not when it is scheduled.
/// </summary>
internal sealed class Nudge
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>Not sent on purpose: unknown type, or the coach is gone.</summary>
    public const string Cancelled = "cancelled";

    public const int MaxAttempts = 5;

    public required Guid Id { get; init; }

    public required Guid WorkspaceId { get; init; }

    public required Guid UserId { get; init; }

    public required string NudgeType { get; init; }

    public required DateTimeOffset ScheduledFor { get; set; }

    /// <summary>Unique per coach and occasion, e.g. <c>onboarding:day2_morning</c>; scheduling twice adds nothing.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The message with {placeholders} for store figures, filled in when it is sent.</summary>
    public required string Template { get; init; }

    /// <summary>JSON object of values given when it was scheduled (see <see cref="NudgeValues"/>); null when none.</summary>
    public string? Values { get; init; }

    /// <summary>JSON array of the buttons under the message.</summary>
    public required string Buttons { get; init; }

    public required string Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>What was actually said, once sent.</summary>
    public string? Content { get; set; }

    /// <summary>live | stored (unread in Avery + inbox/email/push) | notification (in-app muted: only the email/push the coach allows).</summary>
    public string? Channel { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public string? Response { get; set; }

    public string? LastError { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }
}
