namespace CreatorOS.Contracts.Assistant;

/// <summary>
/// Puts a message from Avery into a coach's conversation (nudges, milestone messages). The
/// Assistant module keeps it in the conversation history either way and, when the coach has
/// Avery open on this node, also sends it over the live socket at once.
/// </summary>
public interface IAveryInbox
{
    /// <param name="messageKey">Idempotency key: a second call with the same key adds and sends nothing.</param>
    Task<AveryDelivery> DeliverAsync(Guid workspaceId, Guid userId, string messageKey, string content, IReadOnlyList<AveryButtonView> buttons, CancellationToken cancellationToken);

    /// <summary>
    /// Many messages in one round trip each way (one key lookup, one write), for the nudge backlog.
    /// Each letter gets the same guarantee as <see cref="DeliverAsync"/>; results are in letter order.
    /// </summary>
    Task<IReadOnlyList<AveryDelivery>> DeliverManyAsync(IReadOnlyList<AveryLetter> letters, CancellationToken cancellationToken);

    /// <summary>When the coach last talked to Avery, or null if never.</summary>
    Task<DateTimeOffset?> LastInteractionAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken);
}

/// <summary>One message for <see cref="IAveryInbox.DeliverManyAsync"/>.</summary>
public sealed record AveryLetter(Guid WorkspaceId, Guid UserId, string MessageKey, string Content, IReadOnlyList<AveryButtonView> Buttons);

/// <summary>A button under Avery's message (spec: label, action, variant primary|secondary|skip).</summary>
/// <param name="AnswerPath">
/// Same-site path the widget also POSTs the tapped action to (JSON <c>{"action": …}</c>, antiforgery
/// header), so the module that sent the message records the answer, e.g. a nudge's responded_at.
/// </param>
public sealed record AveryButtonView(string Label, string Action, string Variant, string? AnswerPath = null);

public enum AveryDelivery
{
    /// <summary>Sent over the coach's open socket.</summary>
    Live,

    /// <summary>Stored as unread; the coach sees it next time Avery opens.</summary>
    Stored,

    /// <summary>The same message key was delivered before; nothing was done.</summary>
    AlreadyDelivered,
}
