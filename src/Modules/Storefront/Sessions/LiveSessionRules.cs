using CreatorOS.Modules.Storefront.Stores;

namespace CreatorOS.Modules.Storefront.Sessions;

internal static class LiveSessionRules
{
    public const int TitleMaxLength = 120;

    public static readonly TimeSpan Horizon = TimeSpan.FromDays(365);

    public static (string Title, DateTimeOffset StartsAt) Validate(string? title, DateTimeOffset startsAt, DateTimeOffset now, FieldErrors errors)
    {
        var text = errors.Required("title", title, TitleMaxLength, "Give the session a title.", $"The title can be at most {TitleMaxLength} characters.");
        var start = startsAt.ToUniversalTime();
        if (start <= now)
        {
            errors.Add("startsAt", "The session must start in the future.");
        }
        else if (start > now + Horizon)
        {
            errors.Add("startsAt", "The session must start within the next year.");
        }

        return (text, start);
    }
}
