namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>Bound from <c>Notifications</c>. Without an SMTP host, emails are written to the log (no address in it).</summary>
internal sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Absolute base of links in emails and pushes, e.g. <c>https://creator.example.com</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public bool SmtpSsl { get; set; }

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public string FromAddress { get; set; } = "CreatorOS <no-reply@creatoros.local>";

    /// <summary>The VAPID subject (RFC 8292): a mailto: or https: contact for push services.</summary>
    public string VapidSubject { get; set; } = "mailto:ops@creatoros.local";

    /// <summary>First retry delay; each further attempt doubles it.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
