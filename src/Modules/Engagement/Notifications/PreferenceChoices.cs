namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>A user's whole notification set-up as the settings page shows and saves it.</summary>
internal sealed record PreferenceChoices(
    IReadOnlyDictionary<(string Category, string Channel), bool> Channels,
    string TimeZone,
    int? QuietFromMinute,
    int? QuietToMinute,
    bool EmailDigest);
