using System.Text.Json;
using CreatorOS.Contracts.Assistant;
using CreatorOS.Modules.Assistant.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>
/// Reads and writes the conversation tables; one SaveChanges per turn keeps a turn atomic. Every coach
/// and Avery message is counted (avery_message_sent) in the same save as the message itself.
/// </summary>
internal sealed class ConversationLog(AssistantDbContext db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public AssistantDbContext Db => db;

    public async Task<(CoachConversation Conversation, bool Started)> OpenAsync(CoachIdentity coach, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.WorkspaceId == coach.WorkspaceId && c.UserId == coach.UserId, cancellationToken);
        if (conversation is not null)
        {
            return (conversation, false);
        }

        var now = clock.GetUtcNow();
        conversation = new CoachConversation
        {
            WorkspaceId = coach.WorkspaceId,
            UserId = coach.UserId,
            CurrentPhase = OnboardingPhase.Discovery.WireName(),
            PhaseData = PhaseStateJson.Write(PhaseState.Empty),
            LastInteractionAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Conversations.Add(conversation);
        Track(coach, AssistantEventNames.ConversationStarted, new { });
        return (conversation, true);
    }

    public Task<bool> HasMessagesAsync(CoachIdentity coach, CancellationToken cancellationToken) =>
        db.Messages.AnyAsync(m => m.WorkspaceId == coach.WorkspaceId && m.UserId == coach.UserId, cancellationToken);

    /// <summary>
    /// The last <paramref name="count"/> coach and Avery messages, oldest first, as the brain reads
    /// them: role and text only, so a turn does not materialise buttons, previews and tool calls.
    /// </summary>
    public async Task<List<(string Role, string Content)>> HistoryAsync(CoachIdentity coach, int count, CancellationToken cancellationToken)
    {
        var recent = await db.Messages.AsNoTracking()
            .Where(m => m.WorkspaceId == coach.WorkspaceId && m.UserId == coach.UserId && m.Role != ConversationMessage.SystemRole)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(count)
            .Select(m => new { m.Role, m.Content })
            .ToListAsync(cancellationToken);
        recent.Reverse();
        return [.. recent.Select(m => (m.Role, m.Content))];
    }

    public ConversationMessage Add(CoachIdentity coach, string role, string content, string phase, object? buttons = null, object? preview = null, int? progressPct = null, object? functionCalls = null, string? clientMessageId = null)
    {
        var now = clock.GetUtcNow();
        var message = new ConversationMessage
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = coach.WorkspaceId,
            UserId = coach.UserId,
            Role = role,
            Content = content,
            Buttons = buttons is null ? null : JsonSerializer.Serialize(buttons, Json),
            Preview = preview is null ? null : JsonSerializer.Serialize(preview, Json),
            ProgressPct = progressPct,
            FunctionCalls = functionCalls is null ? null : JsonSerializer.Serialize(functionCalls, Json),
            Phase = phase,
            ClientMessageId = clientMessageId,
            CreatedAt = now,
        };
        db.Messages.Add(message);
        if (role != ConversationMessage.SystemRole)
        {
            db.Events.Add(AssistantEvent.MessageSent(message));
        }

        return message;
    }

    public void Track(CoachIdentity coach, string eventName, object properties) =>
        db.Events.Add(AssistantEvent.Of(coach.WorkspaceId, coach.UserId, eventName, properties, clock.GetUtcNow()));

    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
