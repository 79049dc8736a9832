using System.Text.RegularExpressions;

namespace CreatorOS.SharedKernel.Logging;

/// <summary>
/// Decides what in a log entry is personal data. Structured properties whose names say they hold
/// a person's name, an email, phone, password, token, secret or IP address are masked; email
/// addresses anywhere in text are replaced.
/// </summary>
public static partial class PiiRedactor
{
    public const string Mask = "[redacted]";

    private static readonly string[] SensitiveFragments = ["email", "phone", "password", "token", "secret", "ipaddress", "postcode"];

    /// <summary>Keys that name a person. Technical "…Name" keys (EnvName, HostName, TypeName) stay readable.</summary>
    private static readonly HashSet<string> PersonNameKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "username", "firstname", "lastname", "fullname", "displayname", "preferredname", "givenname",
        "familyname", "surname", "nickname", "businessname", "coachname", "customername", "studentname", "parentname",
        "subscribername",
    };

    public static bool IsSensitiveKey(string key)
    {
        var normalised = key.Replace("_", string.Empty, StringComparison.Ordinal);
        return PersonNameKeys.Contains(normalised)
            || SensitiveFragments.Any(fragment => normalised.Contains(fragment, StringComparison.OrdinalIgnoreCase));
    }

    public static string RedactText(string text) => EmailPattern().Replace(text, "[email]");

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
