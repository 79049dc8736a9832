namespace CreatorOS.Modules.Assistant.Conversation;

/// <summary>
/// What the conversation remembers beyond the store: skipped phases, and small string facts the
/// brain keeps between turns (e.g. "awaiting" = "specialty", "pending_delete_blog_id" = a blog id).
/// Persisted as JSON in <c>assistant_coach_context.phase_data</c>.
/// </summary>
internal sealed record PhaseState(IReadOnlySet<OnboardingPhase> Skipped, IReadOnlyDictionary<string, string> Facts)
{
    public static PhaseState Empty { get; } = new(new HashSet<OnboardingPhase>(), new Dictionary<string, string>());

    public string? Fact(string key) => Facts.TryGetValue(key, out var value) ? value : null;
}
