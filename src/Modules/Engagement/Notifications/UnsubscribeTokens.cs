using System.Security.Cryptography;
using CreatorOS.Contracts.Engagement;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>
/// The token in an email's unsubscribe link: user and category, authenticated and encrypted with
/// Data Protection, so the link works without signing in and cannot be forged for someone else.
/// None is made for a critical category, which cannot be muted; tokens for one made before that
/// rule still read, so the page can explain instead of failing.
/// </summary>
internal sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("CreatorOS.Engagement.Unsubscribe.v1");

    public string Create(Guid userId, string category)
    {
        if (NotificationCategories.IsCritical(category))
        {
            throw new ArgumentException($"'{category}' emails cannot be muted, so they get no unsubscribe link.", nameof(category));
        }

        return WebEncoders.Base64UrlEncode(_protector.Protect(System.Text.Encoding.UTF8.GetBytes($"{userId:N}|{category}")));
    }

    public (Guid UserId, string Category)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var text = System.Text.Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            var parts = text.Split('|');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var user) ? (user, parts[1]) : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
