namespace CreatorOS.Contracts.Assistant;

/// <summary>The analytics event names of the Avery spec (avery_events), as other modules read them.</summary>
public static class AssistantEventNames
{
    public const string ConversationStarted = "avery_conversation_started";
    public const string OnboardingCompleted = "avery_onboarding_completed";
    public const string MessageSent = "avery_message_sent";
    public const string ButtonClicked = "avery_button_clicked";
    public const string FreeTextUsed = "avery_free_text_used";
    public const string FunctionExecuted = "avery_function_executed";
    public const string BlogGenerated = "avery_blog_generated";
    public const string SkipClicked = "avery_skip_clicked";
    public const string Error = "avery_error";

    /// <summary>Recorded by the AI runtime with <c>cost_usd</c> (work in progress on another branch).</summary>
    public const string ApiCall = "avery_api_call";

    /// <summary>Not an event: the roll-up's per-coach view of <see cref="ApiCall"/> (dimension = workspace id).</summary>
    public const string ApiCallPerCoach = "avery_api_call#coach";
}
