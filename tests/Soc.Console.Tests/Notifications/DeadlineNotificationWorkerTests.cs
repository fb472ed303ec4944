using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Soc.Console.Exports.Deadlines;
using Soc.Console.Incidents;
using Soc.Console.Notifications;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Tests.Support;
using static Soc.Console.Tests.Support.Events;

namespace Soc.Console.Tests.Notifications;

/// <summary>
/// The notification worker over a real SQLite file and a real webhook endpoint: once per (incident,
/// deadline, state), not again after a restart on the same data folder, and again after a failed send.
/// </summary>
public sealed class DeadlineNotificationWorkerTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "soc-notify-" + Guid.NewGuid().ToString("N"));
    private readonly NotificationMetrics _metrics = new();
    private readonly HttpClient _http = new();
    private WebhookReceiver _receiver = null!;
    private SqliteStore _store = null!;
    private DateTimeOffset _detected;

    private string DatabasePath => Path.Combine(_dir, "soc.db");

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _store = new SqliteStore(DatabasePath);
        var ev = Event("n1", "Failed password for root from 203.0.113.9", sourceIp: "203.0.113.9");
        await _store.AppendAsync([BatchWithAlerts("so-tttt", (ev, [Alert(ev, level: "high")]))], new IncidentPolicy { LookbackHours = 24 }, CancellationToken.None);
        _detected = Assert.Single(await _store.ListIncidentsAsync(new IncidentFilter(null), CancellationToken.None)).DetectedAt!.Value;
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    public void Dispose()
    {
        _store.Dispose();
        _http.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    [Fact]
    public async Task NotifiesNearThenOverdueOnceEachAndAuditsEachDelivery()
    {
        // high: acknowledge within 60 min; near from minute 45.
        var clock = new ManualClock(_detected.AddMinutes(50));
        var worker = Worker(_store, clock);

        Assert.Equal(1, await worker.ScanOnceAsync(CancellationToken.None));
        Assert.Equal(0, await worker.ScanOnceAsync(CancellationToken.None));
        clock.Now = _detected.AddMinutes(61);
        Assert.Equal(1, await worker.ScanOnceAsync(CancellationToken.None));

        Assert.Equal(["near", "overdue"], States());
        Assert.All(Bodies(), b => Assert.Equal("operational/acknowledge", b.GetProperty("deadline").GetString()));
        var audit = await _store.ListAuditAsync("incident:1", 50, CancellationToken.None);
        Assert.Equal(2, audit.Count(e => e.Action == "notification.sent" && e.Actor == "system"));
        Assert.Equal(2, _metrics.SentCount("webhook"));
    }

    [Fact]
    public async Task SendsNothingAgainAfterARestartWithTheSameDataFolder()
    {
        var clock = new ManualClock(_detected.AddMinutes(61));
        Assert.Equal(1, await Worker(_store, clock).ScanOnceAsync(CancellationToken.None));
        _store.Dispose();

        _store = new SqliteStore(DatabasePath);
        var delivered = await Worker(_store, clock).ScanOnceAsync(CancellationToken.None);

        Assert.Equal(0, delivered);
        Assert.Single(_receiver.Requests);
    }

    [Fact]
    public async Task CountsAFailedSendAndDeliversItOnTheNextScan()
    {
        // MaxAttempts 2: both refused in the first scan.
        _receiver.Answers.Enqueue(500);
        _receiver.Answers.Enqueue(500);
        var worker = Worker(_store, new ManualClock(_detected.AddMinutes(61)));

        Assert.Equal(0, await worker.ScanOnceAsync(CancellationToken.None));
        Assert.Equal(1, _metrics.FailedCount("webhook"));
        Assert.DoesNotContain(await _store.ListAuditAsync("incident:1", 50, CancellationToken.None), e => e.Action == "notification.sent");

        Assert.Equal(1, await worker.ScanOnceAsync(CancellationToken.None));
        Assert.Contains("soc_notifications_failed_total{channel=\"webhook\"} 1", _metrics.ToPrometheus(), StringComparison.Ordinal);
        Assert.Contains("soc_notifications_sent_total{channel=\"webhook\"} 1", _metrics.ToPrometheus(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavesClosedIncidentsAlone()
    {
        var incident = Assert.Single(await _store.ListIncidentsAsync(new IncidentFilter(null), CancellationToken.None));
        await _store.UpdateIncidentAsync(incident.Id, incident.Version, new IncidentChange(Status: "closed", ClosingReason: "false_positive"), "an", CancellationToken.None);

        Assert.Equal(0, await Worker(_store, new ManualClock(_detected.AddDays(30))).ScanOnceAsync(CancellationToken.None));
        Assert.Empty(_receiver.Requests);
    }

    [Fact]
    public async Task StaysQuietAboutIncidentsBelowTheMinimumSeverity()
    {
        // The incident is high and long overdue: with the floor at critical nothing is sent.
        var late = new ManualClock(_detected.AddDays(30));
        Assert.Equal(0, await Worker(_store, late, "critical").ScanOnceAsync(CancellationToken.None));
        Assert.Empty(_receiver.Requests);
        Assert.NotEqual(0, await Worker(_store, late, "high").ScanOnceAsync(CancellationToken.None));
    }

    [Fact]
    public void RefusesAnUnknownMinimumSeverity()
    {
        var options = new NotificationOptions { Enabled = true, MinimumSeverity = "urgent", Webhook = new WebhookOptions { Url = "https://hooks.example/", Secret = "k" } };
        var error = Assert.ThrowsAny<Exception>(options.Validate);
        Assert.Contains("MinimumSeverity 'urgent'", error.Message, StringComparison.Ordinal);
    }

    private DeadlineNotificationWorker Worker(SqliteStore store, ManualClock clock, string minimumSeverity = "medium")
    {
        var options = new NotificationOptions
        {
            Enabled = true,
            MinimumSeverity = minimumSeverity,
            ConsoleUrl = "https://soc.example/",
            Webhook = new WebhookOptions { Url = _receiver.Url.ToString(), Secret = "k", MaxAttempts = 2, FirstRetryDelayMilliseconds = 10 },
        };
        var deadlines = IncidentDeadlines.Load(_dir, new DeadlineOptions(), clock);
        var channel = new WebhookChannel(_http, options.Webhook, clock);
        return new DeadlineNotificationWorker(store, store, deadlines, [channel], options, _metrics, clock, NullLogger<DeadlineNotificationWorker>.Instance);
    }

    private List<JsonElement> Bodies() => [.. _receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement)];

    private List<string?> States() => [.. Bodies().Select(b => b.GetProperty("state").GetString())];
}
