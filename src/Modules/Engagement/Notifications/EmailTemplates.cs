using System.Net;
using CreatorOS.Contracts.Engagement;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>The HTML and plain-text bodies of notification and digest emails.</summary>
internal static class EmailTemplates
{
    public sealed record Item(string Title, string Body, string? Url);

    /// <summary>
    /// The foot of an email: the settings link, then either an unsubscribe link or, for a critical
    /// category (which cannot be muted), the sentence that says why this email is always sent.
    /// </summary>
    public sealed record Footer(string PreferencesUrl, string? UnsubscribeUrl, string? AlwaysSentBecause)
    {
        public static Footer Unsubscribable(string preferencesUrl, string unsubscribeUrl) => new(preferencesUrl, unsubscribeUrl, null);

        public static Footer Critical(string preferencesUrl, string category) => new(preferencesUrl, null, WhyAlwaysSent(category));
    }

    /// <summary>What a critical category is about, in words a user reads.</summary>
    public static string CriticalTopic(string category) =>
        category == NotificationCategories.Billing ? "your billing and payments" : "your account's security";

    public static string WhyAlwaysSent(string category) =>
        $"You get this because it is about {CriticalTopic(category)}; it cannot be turned off.";

    public static string Text(IReadOnlyList<Item> items, string intro, Footer footer)
    {
        var lines = new List<string> { intro, string.Empty };
        foreach (var item in items)
        {
            lines.Add(item.Title);
            lines.Add(item.Body);
            if (item.Url is not null)
            {
                lines.Add(item.Url);
            }

            lines.Add(string.Empty);
        }

        lines.Add("--");
        if (footer.UnsubscribeUrl is null)
        {
            lines.Add(footer.AlwaysSentBecause ?? string.Empty);
            lines.Add($"Choose what else we send you: {footer.PreferencesUrl}");
        }
        else
        {
            lines.Add($"Choose what we send you: {footer.PreferencesUrl}");
            lines.Add($"Unsubscribe from these emails: {footer.UnsubscribeUrl}");
        }

        return string.Join("\r\n", lines);
    }

    public static string Html(IReadOnlyList<Item> items, string intro, Footer footer)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var blocks = string.Concat(items.Select(item => $"""
            <tr><td style="padding:12px 0;border-bottom:1px solid #eee">
              <strong style="font-size:16px">{E(item.Title)}</strong>
              <p style="margin:6px 0;white-space:pre-line">{E(item.Body)}</p>
              {(item.Url is null ? string.Empty : $"""<a href="{E(item.Url)}" style="color:#6C5CE7">Open in CreatorOS</a>""")}
            </td></tr>
            """));
        var foot = footer.UnsubscribeUrl is null
            ? $"""
                {E(footer.AlwaysSentBecause ?? string.Empty)}
                <a href="{E(footer.PreferencesUrl)}" style="color:#777">Notification settings</a>
                """
            : $"""
                <a href="{E(footer.PreferencesUrl)}" style="color:#777">Notification settings</a> ·
                <a href="{E(footer.UnsubscribeUrl)}" style="color:#777">Unsubscribe from these emails</a>
                """;
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>CreatorOS</title></head>
            <body style="font-family:system-ui,sans-serif;color:#222;max-width:560px;margin:0 auto;padding:16px">
              <p>{E(intro)}</p>
              <table role="presentation" width="100%" cellspacing="0" cellpadding="0">{blocks}</table>
              <p style="font-size:12px;color:#777;margin-top:24px">
                {foot}
              </p>
            </body></html>
            """;
    }
}
