namespace CreatorOS.Modules.Assistant.Safety;

internal sealed record ModerationVerdict(bool Flagged, string? Category)
{
    public static ModerationVerdict Clean { get; } = new(false, null);
}

/// <summary>Checks coach input and generated text. Offline: a word list; a provider's moderation endpoint later.</summary>
internal interface IContentModerator
{
    Task<ModerationVerdict> CheckAsync(string text, CancellationToken cancellationToken);
}
