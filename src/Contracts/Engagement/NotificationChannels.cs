namespace CreatorOS.Contracts.Engagement;

public static class NotificationChannels
{
    public const string InApp = "in_app";
    public const string Email = "email";
    public const string Push = "push";

    public static readonly IReadOnlyList<string> All = [InApp, Email, Push];
}
