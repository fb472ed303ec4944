using Soc.Console.Notifications;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Notifications;

/// <summary>The e-mail channel through real SMTP to <see cref="SmtpSink"/> on 127.0.0.1.</summary>
public sealed class EmailChannelTests
{
    [Fact]
    public async Task DeliversAMessageNamingTheIncidentAndTheDeadline()
    {
        await using var sink = new SmtpSink();
        var channel = new EmailChannel(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = sink.Port,
            StartTls = false,
            From = "soc@so-tttt.example",
            To = ["truc-ban@so-tttt.example", "lanh-dao@so-tttt.example"],
        });
        var notice = new DeadlineNotice(
            42, "so-tttt", "SSH root", "high", "decree-2026/initial-notice-24h", "Thông báo ban đầu sự cố nghiêm trọng (24 giờ)",
            "Nghị định hướng dẫn Luật An ninh mạng 2025", new DateTimeOffset(2026, 11, 21, 10, 15, 0, TimeSpan.FromHours(7)), "near",
            "https://soc.example/incidents/42");

        await channel.SendAsync(notice, CancellationToken.None);

        var mail = Assert.Single(sink.Messages);
        Assert.Equal(["<truc-ban@so-tttt.example>", "<lanh-dao@so-tttt.example>"], mail.To);
        var body = mail.Body();
        Assert.Contains("#42 SSH root", body, StringComparison.Ordinal);
        Assert.Contains("Thông báo ban đầu sự cố nghiêm trọng (24 giờ) (decree-2026/initial-notice-24h)", body, StringComparison.Ordinal);
        Assert.Contains("21/11/2026 10:15 +07:00", body, StringComparison.Ordinal);
        Assert.Contains("sắp đến hạn", body, StringComparison.Ordinal);
        Assert.Contains("due soon", body, StringComparison.Ordinal);
        Assert.Contains("https://soc.example/incidents/42", body, StringComparison.Ordinal);
    }
}
