namespace CreatorOS.Contracts.Engagement;

/// <summary>What a notification is about; users choose channels per category.</summary>
public static class NotificationCategories
{
    /// <summary>Avery's tips and check-ins.</summary>
    public const string Nudges = "nudges";

    /// <summary>Subscriber and revenue milestones.</summary>
    public const string Milestones = "milestones";

    /// <summary>Reports and analytics summaries.</summary>
    public const string Reports = "reports";

    /// <summary>Support conversations that need the owner.</summary>
    public const string Support = "support";

    /// <summary>Sign-in, password and account changes: critical, cannot be muted.</summary>
    public const string Security = "security";

    /// <summary>Billing and payment failures: critical, cannot be muted.</summary>
    public const string Billing = "billing";

    public static readonly IReadOnlyList<string> All = [Nudges, Milestones, Reports, Support, Security, Billing];

    public static readonly IReadOnlyList<string> Critical = [Security, Billing];

    public static bool IsKnown(string category) => All.Contains(category);

    public static bool IsCritical(string category) => Critical.Contains(category);
}
