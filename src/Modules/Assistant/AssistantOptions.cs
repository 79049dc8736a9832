namespace CreatorOS.Modules.Assistant;

/// <summary>Bound from the <c>Assistant</c> configuration section; defaults are the spec's.</summary>
internal sealed class AssistantOptions
{
    public const string Section = "Assistant";

    /// <summary>Spec 6.4/6.5: 50 messages per hour per coach.</summary>
    public int MessagesPerHour { get; set; } = 50;

    /// <summary>The same text again within this window is ignored (spec 6.4).</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Reconnecting after this long gets "Welcome back! We were on …"; a quick reload just shows the history.</summary>
    public TimeSpan ResumeAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Spec 6.4: back after 30+ days.</summary>
    public TimeSpan LongAbsence { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Spec 5.1: the full-screen view turns into the widget this long after the celebration.</summary>
    public TimeSpan ModeChangeDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Origins besides the app's own that may open the socket (pages embedding the widget).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Where uploaded photos are kept; relative paths are under the content root.</summary>
    public string UploadsPath { get; set; } = "data/uploads";
}
