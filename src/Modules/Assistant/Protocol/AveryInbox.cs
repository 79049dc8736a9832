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

    public async Task<AveryDelivery> DeliverAsync(Guid workspaceId, Guid userId, string messageKey, string content, IReadOnlyList<AveryButtonView> buttons, CancellationToken cancellationToken) =>
        (await DeliverManyAsync([new AveryLetter(workspaceId, userId, messageKey, content, buttons)], cancellationToken))[0];

    public async Task<IReadOnlyList<AveryDelivery>> DeliverManyAsync(IReadOnlyList<AveryLetter> letters, CancellationToken cancellationToken)
    {
        foreach (var letter in letters)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(letter.MessageKey);
            if (letter.MessageKey.Length > 64)
            {
                throw new ArgumentException("A message key is at most 64 characters.", nameof(letters));
            }
        }

        // One lookup for the batch; every column of the (workspace, user, key) index is constrained.
        var workspaces = letters.Select(l => l.WorkspaceId).Distinct().ToList();
        var users = letters.Select(l => l.UserId).Distinct().ToList();
        var keys = letters.Select(l => l.MessageKey).Distinct().ToList();
        var said = (await db.Messages.AsNoTracking()
                .Where(m => workspaces.Contains(m.WorkspaceId) && users.Contains(m.UserId) && keys.Contains(m.ClientMessageId!))
                .Select(m => new { m.WorkspaceId, m.UserId, m.ClientMessageId })
                .ToListAsync(cancellationToken))
            .Select(m => (m.WorkspaceId, m.UserId, m.ClientMessageId!))
            .ToHashSet();

        var now = clock.GetUtcNow();
        var results = new AveryDelivery[letters.Count];
        var added = new List<(int Index, ConversationMessage Message, AssistantEvent Counted, object WireButtons)>();
        for (var i = 0; i < letters.Count; i++)
        {
            var letter = letters[i];
            if (!said.Add((letter.WorkspaceId, letter.UserId, letter.MessageKey)))
            {
                results[i] = AveryDelivery.AlreadyDelivered;
                continue;
            }

            var wireButtons = letter.Buttons.Select(b => new { label = b.Label, action = b.Action, variant = b.Variant, answerPath = b.AnswerPath }).ToList();
            var message = new ConversationMessage
            {
                Id = Guid.CreateVersion7(now),
                WorkspaceId = letter.WorkspaceId,
                UserId = letter.UserId,
                Role = ConversationMessage.AveryRole,
                Content = letter.Content,
                Buttons = wireButtons.Count == 0 ? null : JsonSerializer.Serialize(wireButtons, ConversationLog.Json),
                Phase = ProactivePhase,
                ClientMessageId = letter.MessageKey,
                CreatedAt = now,
            };
            db.Messages.Add(message);
            var counted = AssistantEvent.MessageSent(message);
            db.Events.Add(counted);
            added.Add((i, message, counted, wireButtons));
        }

        if (added.Count > 0)
        {
            try
            {
                // Kept before anything is sent: a crash after this finds the keys and says nothing twice.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                // Not saved: a retry in the same scope must not find these still waiting to be inserted.
                foreach (var (_, message, counted, _) in added)
                {
                    db.Entry(message).State = EntityState.Detached;
                    db.Entry(counted).State = EntityState.Detached;
                }

                throw;
            }
        }

        foreach (var (index, message, counted, wireButtons) in added)
        {
            // Callers deliver many messages in one scope (the nudge processor); nothing here is read back.
            db.Entry(message).State = EntityState.Detached;
            db.Entry(counted).State = EntityState.Detached;
            var connection = sessions.Find($"{message.WorkspaceId:N}:{message.UserId:N}");
            if (connection is null)
            {
                results[index] = AveryDelivery.Stored;
                continue;
            }

            try
            {
                await connection.SendAsync(ServerFrames.AveryMessage, new { id = message.Id, content = message.Content, buttons = wireButtons });
                results[index] = AveryDelivery.Live;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The socket closed under us: the message is in the history, so it counts as stored
                // (the caller then notifies), and one closed socket does not fail the rest of the batch.
                results[index] = AveryDelivery.Stored;
            }
        }

        return results;
    }

    public async Task<DateTimeOffset?> LastInteractionAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken) =>
        await db.Conversations.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && c.UserId == userId)
            .Select(c => (DateTimeOffset?)c.LastInteractionAt)
            .SingleOrDefaultAsync(cancellationToken);
}
