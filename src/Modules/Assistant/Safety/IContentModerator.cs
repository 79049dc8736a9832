namespace CreatorOS.Modules.Assistant.Safety;

internal sealed record ModerationVerdict(bool Flagged, string? Category)
{
    public static ModerationVerdict Clean { get; } = new(false, null);
}

/// <summary>Checks coach input and generated text: the offline word list, or a provider's moderation endpoint.</summary>
internal interface IContentModerator
{
    /// <summary>
    /// True when the offline word list is the whole judgement, so a model's words checked against
    /// it one by one may be shown while the model is still writing. A provider's endpoint judges
    /// only the complete text, so until it has, nothing the model wrote may be shown.
    /// </summary>
    bool WordListDecides { get; }

    Task<ModerationVerdict> CheckAsync(string text, CancellationToken cancellationToken);
}
