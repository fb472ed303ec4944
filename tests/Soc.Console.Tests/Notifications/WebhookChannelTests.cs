using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Soc.Console.Notifications;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Notifications;

/// <summary>The webhook channel against a real HTTP endpoint on 127.0.0.1.</summary>
public sealed class WebhookChannelTests
{
    private const string Secret = "s3cret-shared-with-the-receiver";

    private static readonly DeadlineNotice Notice = new(
        42, "so-tttt", "SSH root", "high", "tt20-2017/notify", "Thông báo sự cố (Mẫu 03)", "Thông tư 20/2017/TT-BTTTT",
        new DateTimeOffset(2026, 11, 25, 10, 15, 0, TimeSpan.FromHours(7)), "overdue", "https://soc.example/incidents/42");

    [Fact]
    public async Task RetriesAfterA500AndDeliversABodySignedWithTheSecret()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        using var http = new HttpClient();
        var channel = new WebhookChannel(http, Options(receiver), TimeProvider.System);

        await channel.SendAsync(Notice, CancellationToken.None);

        Assert.Equal(2, receiver.Requests.Count);
        var (headers, body) = receiver.Requests.Last();
        var timestamp = headers["X-Soc-Timestamp"];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + "." + Encoding.UTF8.GetString(body))));
        Assert.Equal(expected, headers["X-Soc-Signature"]);
        Assert.False(WebhookSignature.Verify("another secret", timestamp, body, headers["X-Soc-Signature"]));
        using var json = JsonDocument.Parse(body);
        Assert.Equal(42, json.RootElement.GetProperty("incidentId").GetInt64());
        Assert.Equal("so-tttt", json.RootElement.GetProperty("agency").GetString());
        Assert.Equal("tt20-2017/notify", json.RootElement.GetProperty("deadline").GetString());
        Assert.Equal("Thông tư 20/2017/TT-BTTTT", json.RootElement.GetProperty("legalSource").GetString());
        Assert.Equal("overdue", json.RootElement.GetProperty("state").GetString());
        Assert.Equal("https://soc.example/incidents/42", json.RootElement.GetProperty("link").GetString());
        Assert.Equal(Notice.DueAt, json.RootElement.GetProperty("due").GetDateTimeOffset());
    }

    [Fact]
    public async Task GivesUpAfterMaxAttemptsSoTheNextScanTriesAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 503, 502);
        using var http = new HttpClient();
        var channel = new WebhookChannel(http, Options(receiver), TimeProvider.System);

        await Assert.ThrowsAsync<HttpRequestException>(() => channel.SendAsync(Notice, CancellationToken.None));

        Assert.Equal(3, receiver.Requests.Count);
    }

    private static WebhookOptions Options(WebhookReceiver receiver) => new()
    {
        Url = receiver.Url.ToString(),
        Secret = Secret,
        MaxAttempts = 3,
        FirstRetryDelayMilliseconds = 10,
    };
}
