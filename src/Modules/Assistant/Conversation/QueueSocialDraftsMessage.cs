using System.Text.Json;
using CreatorOS.Contracts.Social;
using CreatorOS.Modules.Assistant.Brain;
using CreatorOS.Modules.Assistant.Brain.Offline;
using CreatorOS.SharedKernel.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>
/// The weekly social refresh drafted blogs: Avery leaves a message in the coach's conversation
/// with the drafts and a one-tap publish, shown the next time the chat opens. The message id is
/// the event id, so a redelivered event adds nothing.
/// </summary>
internal sealed class QueueSocialDraftsMessage(ConversationLog log, TimeProvider clock) : IIntegrationEventHandler<SocialDraftsReady>
{
    public async Task HandleAsync(SocialDraftsReady integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var db = log.Db;
        if (integrationEvent.Drafts.Count == 0 || await db.Messages.AnyAsync(m => m.Id == integrationEvent.EventId, cancellationToken))
        {
            return;
        }

        // The coach may not have opened the chat since connecting: the message starts the conversation then.
        var (conversation, _) = await log.OpenAsync(new CoachIdentity(integrationEvent.WorkspaceId, integrationEvent.UserId, string.Empty, string.Empty), cancellationToken);
        var titles = integrationEvent.Drafts.Select(d => d.Title).ToList();
        var platforms = string.Join(" and ", integrationEvent.Drafts.Select(d => Formats.PlatformName(d.Platform)).Distinct());
        var text = titles.Count == 1
            ? $"Fresh from your {platforms} this week: I drafted a blog from your best new post, {Formats.Titles(titles)}. Publish it?"
            : $"Fresh from your {platforms} this week: I drafted {titles.Count} blogs from your best new posts: {Formats.Titles(titles)}. Publish them?";
        var ids = string.Join(',', integrationEvent.Drafts.Select(d => d.BlogId.ToString("D")));
        var publish = ButtonActions.Primary(titles.Count == 1 ? "Publish it" : "Publish them", ButtonActions.PublishBlogs, ids);
        var preview = new AveryPreview("blog", string.Join('\n', titles.Select(t => "• " + t)), titles.Count == 1 ? titles[0] : titles.Count + " new drafts", null, [publish]);

        var message = new ConversationMessage
        {
            // The event id: a redelivered event finds its message and adds nothing.
            Id = integrationEvent.EventId,
            WorkspaceId = integrationEvent.WorkspaceId,
            UserId = integrationEvent.UserId,
            Role = ConversationMessage.AveryRole,
            Content = text,
            Buttons = JsonSerializer.Serialize(new[] { publish, ButtonActions.SkipButton("Not now") }, ConversationLog.Json),
            Preview = JsonSerializer.Serialize(preview, ConversationLog.Json),
            Phase = conversation.CurrentPhase,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Messages.Add(message);
        db.Events.Add(AssistantEvent.MessageSent(message));
        await log.SaveAsync(cancellationToken);
    }
}
