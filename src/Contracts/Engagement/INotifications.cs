namespace CreatorOS.Contracts.Engagement;

/// <summary>
/// Tells a user something through the channels they allow (in-app inbox, email, browser push).
/// Preferences, quiet hours and the daily digest are applied here; callers only say what and to whom.
/// </summary>
public interface INotifications
{
    /// <summary>
    /// Records the notification and queues it per channel, atomically. A second call with the same
    /// <see cref="NotificationRequest.IdempotencyKey"/> for the same user returns the first one's id and sends nothing
    /// again; keys are per recipient, so another user with the same key gets their own notification.
    /// </summary>
    Task<NotificationReceipt> SendAsync(NotificationRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Many notifications with one read of preferences and one write, for backlogs; each request
    /// gets the same guarantee as <see cref="SendAsync"/>. Receipts are in request order.
    /// </summary>
    Task<IReadOnlyList<NotificationReceipt>> SendManyAsync(IReadOnlyList<NotificationRequest> requests, CancellationToken cancellationToken);
}

/// <param name="Category">One of <see cref="NotificationCategories"/>.</param>
/// <param name="Link">Relative link opened from the inbox, email or push (e.g. <c>/admin?avery=open</c>).</param>
/// <param name="IdempotencyKey">Stable per fact, e.g. <c>nudge:{id}</c> or <c>milestone:{workspace}:subs:100</c>.</param>
public sealed record NotificationRequest(Guid UserId, Guid? WorkspaceId, string Category, string Title, string Body, string? Link, string IdempotencyKey);

/// <param name="Channels">Channels the notification was queued on (in-app is always one).</param>
public sealed record NotificationReceipt(Guid NotificationId, bool AlreadySent, IReadOnlyList<string> Channels);
