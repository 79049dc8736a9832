namespace CreatorOS.Modules.Assistant.Brain;

/// <summary>
/// What a brain reads besides the <see cref="BrainContext"/>. The offline brain decides from the
/// store, the phase and the latest input alone, so the engine can skip loading the history window
/// for it (one query a turn); a model needs the window to follow the conversation.
/// </summary>
internal interface IBrainNeeds
{
    bool NeedsHistory { get; }
}
