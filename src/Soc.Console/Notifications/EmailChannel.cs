using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace Soc.Console.Notifications;

/// <summary>
/// Sends the notice as a plain-text e-mail through the configured SMTP server (STARTTLS when asked),
/// in Vietnamese with English below: the people on call may read either.
/// </summary>
public sealed class EmailChannel(SmtpOptions options) : INotificationChannel
{
    public string Name => "email";

    public async Task SendAsync(DeadlineNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        using var message = new MailMessage
        {
            From = new MailAddress(options.From!),
            Subject = NoticeText.Subject(notice),
            SubjectEncoding = Encoding.UTF8,
            Body = NoticeText.Body(notice),
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
        };
        foreach (var to in options.To)
        {
            message.To.Add(to);
        }

        using var client = new SmtpClient(options.Host, options.Port)
        {
            EnableSsl = options.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = options.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(options.UserName))
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
