using CreatorOS.AgentRuntime.Providers;
using OpenAI;
using OpenAI.Moderations;

namespace CreatorOS.AgentRuntime.Moderation;

/// <summary>
/// The provider's moderation endpoint (OpenAI's <c>/moderations</c>), used when
/// <c>Ai:Moderation=openai</c>. Errors surface as <see cref="ProviderException"/>, so callers can
/// fall back to their word list instead of letting text through unchecked.
/// </summary>
public sealed class ProviderModeration
{
    public const string Model = "omni-moderation-latest";

    private readonly ModerationClient? _client;

    public ProviderModeration(ModelGateway gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        _client = string.Equals(gateway.Options.Moderation, AgentRuntimeOptions.OpenAi, StringComparison.OrdinalIgnoreCase)
            && gateway.Client?.GetService(typeof(OpenAIClient)) is OpenAIClient sdk
                ? sdk.GetModerationClient(Model)
                : null;
    }

    /// <summary>False when moderation is not configured to use the provider.</summary>
    public bool Enabled => _client is not null;

    public async Task<ModerationCheck> CheckAsync(string text, CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            throw new InvalidOperationException("Provider moderation is not configured (Ai:Moderation=openai with Ai:Provider=openai).");
        }

        ModerationResult result;
        try
        {
            result = (await _client.ClassifyTextAsync(text, cancellationToken)).Value;
        }
        catch (System.ClientModel.ClientResultException exception)
        {
            throw new ProviderException(ProviderException.Classify(exception.Status), $"Moderation answered HTTP {exception.Status}.", exception.Status, inner: exception);
        }
        catch (HttpRequestException exception)
        {
            throw new ProviderException(ProviderFailure.ApiError, "Moderation could not be reached.", inner: exception);
        }

        if (!result.Flagged)
        {
            return new ModerationCheck(false, null);
        }

        (string Name, ModerationCategory Category)[] categories =
        [
            ("self_harm", result.SelfHarm), ("violence", result.Violence), ("sexual", result.Sexual), ("hate", result.Hate), ("harassment", result.Harassment),
        ];
        return new ModerationCheck(true, categories.FirstOrDefault(c => c.Category?.Flagged == true).Name ?? "other");
    }
}
