namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>What one send attempt came to.</summary>
internal enum ChannelOutcomeKind
{
    Sent,

    /// <summary>Worth another try later (server down, timeout, 5xx, 429).</summary>
    Retry,

    /// <summary>Never going to work (user gone, subscription expired): stop, nothing to retry.</summary>
    Drop,
}

internal sealed record ChannelOutcome(ChannelOutcomeKind Kind, string? Detail = null)
{
    public static ChannelOutcome Sent { get; } = new(ChannelOutcomeKind.Sent);

    public static ChannelOutcome Retry(string detail) => new(ChannelOutcomeKind.Retry, detail);

    public static ChannelOutcome Drop(string detail) => new(ChannelOutcomeKind.Drop, detail);
}
