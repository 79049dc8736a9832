using CreatorOS.Contracts.Engagement;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>What a notification request must satisfy before anything is stored.</summary>
internal static class NotificationRules
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 4000;
    public const int LinkMaxLength = 500;
    public const int KeyMaxLength = 200;

    /// <summary>The first problem with the request, or null when it is acceptable.</summary>
    public static string? Problem(NotificationRequest request) => request switch
    {
        { UserId: var user } when user == Guid.Empty => "UserId is required.",
        { Category: var category } when !NotificationCategories.IsKnown(category) => $"Unknown category '{category}'.",
        { Title: var title } when string.IsNullOrWhiteSpace(title) || title.Length > TitleMaxLength => $"Title must be 1-{TitleMaxLength} characters.",
        { Body: var body } when string.IsNullOrWhiteSpace(body) || body.Length > BodyMaxLength => $"Body must be 1-{BodyMaxLength} characters.",
        { Link: { } link } when !IsLocalLink(link) => "Link must be a path on this site, like /admin.",
        { IdempotencyKey: var key } when string.IsNullOrWhiteSpace(key) || key.Length > KeyMaxLength => $"IdempotencyKey must be 1-{KeyMaxLength} characters.",
        _ => null,
    };

    private static bool IsLocalLink(string link) =>
        link.Length <= LinkMaxLength && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal);
}
