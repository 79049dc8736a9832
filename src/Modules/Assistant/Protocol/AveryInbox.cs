using System.Text.Json;
using CreatorOS.Contracts.Assistant;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Assistant.Protocol;

/// <summary>
/// Messages other modules ask Avery to say (nudges, milestones). The message is kept in the
/// conversation under its key first, so a repeated delivery finds it and sends nothing twice;
/// then it goes over the coach's socket when one is open on this node.
/// </summary>
internal sealed class AveryInbox(AssistantDbContext db, CoachSessions sessions, TimeProvider clock) : IAveryInbox
{
    /// <summary>Phase recorded on messages that arrive after onboarding, outside any turn.</summary>
    public const string ProactivePhase = "ongoing";

    public async Task<AveryDelivery> DeliverAsync(Guid workspaceId, Guid userId, string messageKey, string content, IReadOnlyList<AveryButtonView> buttons, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageKey);
        if (messageKey.Length > 64)
        {
            throw new ArgumentException("A message key is at most 64 characters.", nameof(messageKey));
        }

        if (await db.Messages.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId && m.ClientMessageId == messageKey, cancellationToken))
        {
            return AveryDelivery.AlreadyDelivered;
        }

        var now = clock.GetUtcNow();
        var wireButtons = buttons.Select(b => new { label = b.Label, action = b.Action, variant = b.Variant, answerPath = b.AnswerPath }).ToList();
        var message = new ConversationMessage
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            UserId = userId,
            Role = ConversationMessage.AveryRole,
            Content = content,
            Buttons = wireButtons.Count == 0 ? null : JsonSerializer.Serialize(wireButtons, ConversationLog.Json),
            Phase = ProactivePhase,
            ClientMessageId = messageKey,
            CreatedAt = now,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);

        // Callers deliver many messages in one scope (the nudge processor); nothing here is read back.
        db.Entry(message).State = EntityState.Detached;

        var connection = sessions.Find($"{workspaceId:N}:{userId:N}");
        if (connection is null)
        {
            return AveryDelivery.Stored;
        }

        await connection.SendAsync(ServerFrames.AveryMessage, new { id = message.Id, content, buttons = wireButtons });
        return AveryDelivery.Live;
    }

    public async Task<DateTimeOffset?> LastInteractionAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken) =>
        await db.Conversations.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && c.UserId == userId)
            .Select(c => (DateTimeOffset?)c.LastInteractionAt)
            .SingleOrDefaultAsync(cancellationToken);
}
