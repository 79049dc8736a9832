using Microsoft.EntityFrameworkCore;

namespace CreatorOS.SharedKernel.Outbox;

public static class OutboxPurge
{
    /// <summary>
    /// Deletes outbox messages whose payload mentions an id (GDPR erasure): events are facts about
    /// a subject, and an erased subject must leave no trace, delivered or not.
    /// </summary>
    public static Task<int> PurgeMentionsAsync(this DbSet<OutboxMessage> outbox, Guid id, CancellationToken cancellationToken)
    {
        var lower = id.ToString("D");
        var upper = lower.ToUpperInvariant();
        return outbox.Where(m => m.Payload.Contains(lower) || m.Payload.Contains(upper)).ExecuteDeleteAsync(cancellationToken);
    }
}
