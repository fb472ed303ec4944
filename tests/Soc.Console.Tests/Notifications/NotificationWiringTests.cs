using System.Text.Json;
using Soc.Console.Notifications;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Notifications;

/// <summary><c>Soc:Notifications</c> as an operator sets it: refused when unusable, and a running center that notifies and counts.</summary>
public sealed class NotificationWiringTests
{
    [Fact]
    public void RefusesEnabledNotificationsWithoutAChannelOrWithAnUnsignedWebhook()
    {
        var none = Assert.Throws<InvalidDataException>(() => new NotificationOptions { Enabled = true }.Validate());
        var unsigned = Assert.Throws<InvalidDataException>(() => new NotificationOptions { Enabled = true, Webhook = new() { Url = "https://hooks.example/soc" } }.Validate());

        Assert.Contains("neither Smtp (Host, From, To) nor Webhook (Url) is set", none.Message, StringComparison.Ordinal);
        Assert.Contains("Webhook needs an absolute Url and a Secret", unsigned.Message, StringComparison.Ordinal);
        new NotificationOptions().Validate(); // disabled: nothing to check
    }

    [Fact]
    public async Task ARunningCenterNotifiesAnOverdueIncidentAndCountsItOnMetrics()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // medium incidents (the sshd root rule's level) must be acknowledged at once: overdue as soon as opened.
        await using var center = await CenterFixture.StartAsync(
            null,
            "--Soc:Deadlines:Operational:medium:AcknowledgeMinutes=0",
            "--Soc:Notifications:Enabled=true",
            "--Soc:Notifications:ScanIntervalSeconds=1",
            "--Soc:Notifications:ConsoleUrl=https://soc.example/",
            $"--Soc:Notifications:Webhook:Url={receiver.Url}",
            "--Soc:Notifications:Webhook:Secret=k");
        var key = center.Store.AddAgency("so-tttt", "Sở Thông tin và Truyền thông", null);
        using var client = center.Client();
        using (var response = await client.SendAsync(IngestBatch.Request(key, IngestBatch.Record("w-1", IngestBatch.SshdFailedRoot("203.0.113.51")))))
        {
            response.EnsureSuccessStatusCode();
        }

        for (var waited = 0; receiver.Requests.IsEmpty && waited < 300; waited++)
        {
            await Task.Delay(100);
        }

        var (_, body) = Assert.Single(receiver.Requests);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("operational/acknowledge", json.RootElement.GetProperty("deadline").GetString());
        Assert.StartsWith("https://soc.example/incidents/", json.RootElement.GetProperty("link").GetString(), StringComparison.Ordinal);
        // The worker counts a delivery once the receiver has answered, a moment after the receiver saw it.
        const string Sent = "soc_notifications_sent_total{channel=\"webhook\"} 1";
        var metrics = await client.GetStringAsync("/metrics");
        for (var waited = 0; !metrics.Contains(Sent, StringComparison.Ordinal) && waited < 100; waited++)
        {
            await Task.Delay(100);
            metrics = await client.GetStringAsync("/metrics");
        }

        Assert.Contains(Sent, metrics, StringComparison.Ordinal);
    }
}
