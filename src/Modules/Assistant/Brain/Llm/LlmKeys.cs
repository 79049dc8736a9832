namespace CreatorOS.Modules.Assistant.Brain.Llm;

/// <summary>ChatOptions keys the engine sets for the brain router (beside <see cref="BrainKeys"/>).</summary>
internal static class LlmKeys
{
    /// <summary>ChatOptions: the <see cref="Conversation.CoachIdentity"/> the turn is for (costs and events are recorded against it).</summary>
    public const string Coach = "avery.coach";

    /// <summary>ChatOptions: the turn's <see cref="Conversation.LiveReply"/>, where a model's words go while it is still writing.</summary>
    public const string LiveReply = "avery.live_reply";

    /// <summary>Assistant reply: string, which brain answered: "llm" or "offline".</summary>
    public const string AnsweredBy = "avery.answered_by";
}
