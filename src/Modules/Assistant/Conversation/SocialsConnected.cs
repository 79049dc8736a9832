using CreatorOS.Contracts.Social;

namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>The scorecard's "socials" item: at least one account connected and still accepted by its platform.</summary>
internal static class SocialsConnected
{
    public static async Task<bool> AnyAsync(this ISocialConnections social, Guid workspaceId, CancellationToken cancellationToken) =>
        (await social.ListAsync(workspaceId, cancellationToken)).Any(c => c.Status == "connected");
}
