using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Engagement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Engagement.Notifications;

/// <summary>
/// Sends notification emails over SMTP (System.Net.Mail): multipart text + HTML, an unsubscribe
/// link that needs no sign-in, List-Unsubscribe with one-click (RFC 8058), and the delivery id as
/// the Message-ID so a receiver can see a repeat for what it is. Critical categories (security,
/// billing) cannot be muted, so their emails offer no unsubscribe at all (a link that can only be
/// refused is worse than none) and say instead why they are always sent.
/// </summary>
internal sealed class EmailSender(IOptions<NotificationOptions> options, UnsubscribeTokens tokens, ILogger<EmailSender> logger)
{
    public async Task<ChannelOutcome> SendAsync(UserContact to, string messageId, string subject, string category, IReadOnlyList<EmailTemplates.Item> items, string intro, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var baseUrl = settings.PublicBaseUrl.TrimEnd('/');
        var preferences = baseUrl + NotificationEndpoints.PreferencesPath;
        string? oneClick = null;
        EmailTemplates.Footer footer;
        if (NotificationCategories.IsCritical(category))
        {
            footer = EmailTemplates.Footer.Critical(preferences, category);
        }
        else
        {
            var token = tokens.Create(to.UserId, category);
            oneClick = $"{baseUrl}{NotificationEndpoints.UnsubscribePath}?token={token}";
            footer = EmailTemplates.Footer.Unsubscribable(preferences, $"{baseUrl}{NotificationEndpoints.UnsubscribePagePath}?token={token}");
        }

        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            // Development without SMTP: the message is noted, never the address.
            logger.LogInformation("Email not sent (no SMTP host configured): {Subject} [{MessageId}]", subject, messageId);
            return ChannelOutcome.Sent;
        }

        using var message = new MailMessage
        {
            From = new MailAddress(MailboxOf(settings.FromAddress).Address, MailboxOf(settings.FromAddress).DisplayName),
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            Body = EmailTemplates.Text(items, intro, footer),
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(to.Email));
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(EmailTemplates.Html(items, intro, footer), Encoding.UTF8, MediaTypeNames.Text.Html));
        message.Headers.Add("Message-ID", $"<{messageId}@creatoros>");
        if (oneClick is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{oneClick}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort)
        {
            EnableSsl = settings.SmtpSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)settings.SmtpTimeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
        }

        try
        {
            await client.SendMailAsync(message, cancellationToken);
            return ChannelOutcome.Sent;
        }
        catch (SmtpFailedRecipientException exception) when (exception.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed)
        {
            return ChannelOutcome.Drop("Recipient refused: " + exception.StatusCode);
        }
        catch (Exception exception) when (exception is SmtpException or IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return ChannelOutcome.Retry($"SMTP: {exception.GetType().Name}: {exception.Message}");
        }
    }

    private static MailAddress MailboxOf(string address) => new(address);
}
