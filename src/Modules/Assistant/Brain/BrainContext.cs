using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Conversation;

namespace CreatorOS.Modules.Assistant.Brain;

/// <summary>Why the brain is asked to speak.</summary>
internal enum Occasion
{
    /// <summary>The coach sent a message, clicked a button, or an event arrived (photo, OAuth).</summary>
    Turn,

    /// <summary>First connection ever: greet and ask the first question.</summary>
    Welcome,

    /// <summary>The coach came back: "Welcome back! We were on …" and re-ask the current question.</summary>
    Resume,

    /// <summary>Back after 30+ days: "Hey! It's been a while…".</summary>
    LongAbsence,
}

/// <summary>
/// Everything a brain knows about the coach for one call. The engine passes it in
/// <c>ChatOptions.AdditionalProperties[BrainKeys.Context]</c>; an LLM brain renders it into the
/// system prompt, the offline brain reads it directly. It is recomputed after tools ran, so a
/// phase that was just completed already shows as the next one (and <see cref="PreviousPhase"/>
/// says which one was finished). <see cref="EarlierMessages"/> counts the conversation's messages
/// before those the brain was given, when the engine did not load the window (<see cref="IBrainNeeds"/>).
/// </summary>
internal sealed record BrainContext(
    OnboardingPhase Phase,
    OnboardingPhase? PreviousPhase,
    StoreView Store,
    string StoreUrl,
    Scorecard Scorecard,
    int ProgressPct,
    PhaseState State,
    bool OnboardingComplete,
    Occasion Occasion,
    DateTimeOffset Now,
    int DaysAway,
    int EarlierMessages = 0);

/// <summary>Keys of AdditionalProperties shared by the engine and every brain.</summary>
internal static class BrainKeys
{
    /// <summary>ChatOptions: the <see cref="BrainContext"/>.</summary>
    public const string Context = "avery.context";

    /// <summary>User message: the <see cref="AveryButton"/> the coach clicked (its label is the message text).</summary>
    public const string Button = "avery.button";

    /// <summary>User message: a client event, <see cref="ClientEvent"/> (photo uploaded, OAuth finished).</summary>
    public const string Event = "avery.event";

    /// <summary>Assistant reply: IReadOnlyList&lt;AveryButton&gt; to show under the message.</summary>
    public const string Buttons = "avery.buttons";

    /// <summary>Assistant reply: an <see cref="AveryPreview"/> card.</summary>
    public const string Preview = "avery.preview";

    /// <summary>Assistant reply: bool, false when the brain could not make sense of the message (loop detection counts these).</summary>
    public const string Understood = "avery.understood";

    /// <summary>
    /// Assistant reply: IReadOnlyDictionary&lt;string, string?&gt; of facts to remember (a null value forgets the fact),
    /// merged into <see cref="PhaseState.Facts"/> by the engine.
    /// </summary>
    public const string Remember = "avery.remember";

    /// <summary>Assistant reply: string, the intent the brain recognised (analytics, loop detection), e.g. "set_price".</summary>
    public const string Intent = "avery.intent";
}

/// <summary>A client event turned into a conversation input: photo_uploaded (Value = URL) or oauth_complete (Value = platform, Ok).</summary>
internal sealed record ClientEvent(string Type, string? Value, bool Ok = true);
