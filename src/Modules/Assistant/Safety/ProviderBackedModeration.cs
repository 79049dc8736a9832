using CreatorOS.AgentRuntime.Moderation;
using CreatorOS.AgentRuntime.Providers;
using Microsoft.Extensions.Logging;

namespace CreatorOS.Modules.Assistant.Safety;

/// <summary>
/// Moderation of coach input and generated text: the provider's endpoint when configured, the
/// offline word list otherwise, and the word list too when the endpoint fails, so nothing is ever
/// let through unchecked.
/// </summary>
internal sealed class ProviderBackedModeration(ProviderModeration provider, ILogger<ProviderBackedModeration> logger) : IContentModerator
{
    public bool WordListDecides => !provider.Enabled;

    public async Task<ModerationVerdict> CheckAsync(string text, CancellationToken cancellationToken)
    {
        if (!provider.Enabled || string.IsNullOrWhiteSpace(text))
        {
            return OfflineModeration.Check(text);
        }

        try
        {
            var check = await provider.CheckAsync(text, cancellationToken);
            return check.Flagged ? new ModerationVerdict(true, check.Category) : OfflineModeration.Check(text);
        }
        catch (ProviderException failure)
        {
            logger.LogWarning("Moderation endpoint unavailable ({Failure}); the word list decides", failure.Failure);
            return OfflineModeration.Check(text);
        }
    }
}
