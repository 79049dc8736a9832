using System.Net;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>The HTML and plain-text bodies of notification and digest emails.</summary>
internal static class EmailTemplates
{
    public sealed record Item(string Title, string Body, string? Url);

    public static string Text(IReadOnlyList<Item> items, string intro, string unsubscribeUrl, string preferencesUrl)
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
        lines.Add($"Choose what we send you: {preferencesUrl}");
        lines.Add($"Unsubscribe from these emails: {unsubscribeUrl}");
        return string.Join("\r\n", lines);
    }

    public static string Html(IReadOnlyList<Item> items, string intro, string unsubscribeUrl, string preferencesUrl)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var blocks = string.Concat(items.Select(item => $"""
            <tr><td style="padding:12px 0;border-bottom:1px solid #eee">
              <strong style="font-size:16px">{E(item.Title)}</strong>
              <p style="margin:6px 0;white-space:pre-line">{E(item.Body)}</p>
              {(item.Url is null ? string.Empty : $"""<a href="{E(item.Url)}" style="color:#6C5CE7">Open in CreatorOS</a>""")}
            </td></tr>
            """));
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>CreatorOS</title></head>
            <body style="font-family:system-ui,sans-serif;color:#222;max-width:560px;margin:0 auto;padding:16px">
              <p>{E(intro)}</p>
              <table role="presentation" width="100%" cellspacing="0" cellpadding="0">{blocks}</table>
              <p style="font-size:12px;color:#777;margin-top:24px">
                <a href="{E(preferencesUrl)}" style="color:#777">Notification settings</a> ·
                <a href="{E(unsubscribeUrl)}" style="color:#777">Unsubscribe from these emails</a>
              </p>
            </body></html>
            """;
    }
}
