using System.Text.RegularExpressions;

namespace CreatorOS.SharedKernel.Logging;

/// <summary>
/// Decides what in a log entry is personal data. Structured properties whose names say they hold
/// a name, email, phone, password, token or secret are dropped; email addresses anywhere in text
/// are replaced.
/// </summary>
public static partial class PiiRedactor
{
    public const string Mask = "[redacted]";

    private static readonly string[] SensitiveFragments = ["email", "phone", "password", "token", "secret", "address"];

    public static bool IsSensitiveKey(string key)
    {
        if (key.EndsWith("name", StringComparison.OrdinalIgnoreCase) && !key.Equals("HostName", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var fragment in SensitiveFragments)
        {
            if (key.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static string RedactText(string text) => EmailPattern().Replace(text, "[email]");

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
