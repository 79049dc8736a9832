using CreatorOS.Modules.Storefront.Stores;

namespace CreatorOS.Modules.Storefront.Subscribers;

internal static class SubscriberRules
{
    public const int NameMaxLength = 100;

    public static string Validate(string? name, FieldErrors errors) =>
        errors.Required("name", name, NameMaxLength, "Enter the subscriber's name.", $"The name can be at most {NameMaxLength} characters.");
}
