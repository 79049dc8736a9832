using CreatorOS.Contracts.Assistant;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>A nudge as its inbox notification shows it: the buttons and, once answered, the answer.</summary>
internal sealed record InboxNudge(Guid Id, IReadOnlyList<AveryButtonView> Buttons, string? Response);

/// <summary>
/// The nudges behind inbox notifications. A nudge's notification carries the nudge's message key
/// (<c>nudge:{id}</c>, also Avery's), which is how the inbox finds the buttons to show.
/// </summary>
internal sealed class InboxNudges(EngagementDbContext db)
{
    private const string Prefix = "nudge:";

    public static string MessageKey(Guid nudgeId) => Prefix + nudgeId.ToString("N");

    /// <summary>By notification id; only the user's own nudges that were sent (the ones that can be answered).</summary>
    public async Task<Dictionary<Guid, InboxNudge>> ForAsync(Guid userId, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var byNudge = new Dictionary<Guid, Guid>();
        foreach (var notification in notifications)
        {
            if (notification.IdempotencyKey.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(notification.IdempotencyKey[Prefix.Length..], "N", out var nudgeId))
            {
                byNudge[nudgeId] = notification.Id;
            }
        }

        if (byNudge.Count == 0)
        {
            return [];
        }

        var ids = byNudge.Keys.ToList();
        var nudges = await db.Nudges.AsNoTracking()
            .Where(n => ids.Contains(n.Id) && n.UserId == userId && n.Status == Nudge.Sent)
            .Select(n => new { n.Id, n.Buttons, n.Response })
            .ToListAsync(cancellationToken);
        return nudges
            .Select(n => new InboxNudge(n.Id, NudgeButtons.Read(n.Buttons), n.Response))
            .Where(n => n.Buttons.Count > 0)
            .ToDictionary(n => byNudge[n.Id]);
    }
}
