using System.Text.Json;
using CreatorOS.Contracts.Assistant;

namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>An analytics event (spec table avery_events), e.g. avery_function_executed.</summary>
internal sealed class AssistantEvent
{
    public required Guid Id { get; init; }

    public required Guid WorkspaceId { get; init; }

    public required Guid UserId { get; init; }

    public required string EventName { get; init; }

    /// <summary>JSON object.</summary>
    public required string Properties { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static AssistantEvent Of(Guid workspaceId, Guid userId, string eventName, object properties, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        WorkspaceId = workspaceId,
        UserId = userId,
        EventName = eventName,
        Properties = JsonSerializer.Serialize(properties, ConversationLog.Json),
        CreatedAt = now,
    };

    /// <summary>The spec's avery_message_sent, which its dashboard counts per role (coach, avery).</summary>
    public static AssistantEvent MessageSent(ConversationMessage message) =>
        Of(message.WorkspaceId, message.UserId, AssistantEventNames.MessageSent, new { role = message.Role, phase = message.Phase }, message.CreatedAt);
}
