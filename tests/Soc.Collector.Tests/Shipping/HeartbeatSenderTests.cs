using System.Net;
using System.Net.Sockets;
using Soc.Collector.Buffering;
using Soc.Collector.Configuration;
using Soc.Collector.Records;
using Soc.Collector.Shipping;
using Soc.Collector.Telemetry;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Shipping;

/// <summary>The collector heartbeat (docs/specs/wire.md, "Heartbeat") against real listeners on 127.0.0.1.</summary>
public sealed class HeartbeatSenderTests
{
    [Fact]
    public async Task ReportsItsCountersToTheCenterWithTheAgencyKeyEveryInterval()
    {
        await using var sink = new HeartbeatSink();
        await sink.StartAsync();
        using var dir = new TempDirectory();
        using var queue = DiskQueue.Open(dir.Combine("queue"), new QueueOptions(), "col-7");
        var metrics = new CollectorMetrics();
        var writer = new CountingRecordWriter(queue, metrics.ForInput("syslog-tcp"));
        for (var i = 0; i < 5; i++)
        {
            await writer.WriteAsync(TestRecords.Line("line " + i) with { Truncated = i == 0 ? true : null }, CancellationToken.None);
        }

        metrics.Shipping.AddDeadLetteredTooLarge(2);
        metrics.Shipping.AddDeadLettered(3);
        var options = Options("col-7", sink.Url);
        using var http = CenterHttpClientFactory.Create(options.Center);
        var sender = new HeartbeatSender(options, http, metrics, queue, TimeProvider.System);
        using var stop = new CancellationTokenSource();

        var running = sender.RunAsync(stop.Token);
        await Eventually.TrueAsync(() => sink.Received.Count >= 2, "two heartbeats, one interval apart");
        await stop.CancelAsync();
        await running; // returns on cancellation, never throws

        var (authorization, body) = sink.Received.First();
        Assert.Equal("ApiKey " + IngestSink.ApiKey, authorization);
        Assert.Equal("col-7", body.GetProperty("collector").GetString());
        Assert.Equal("agency-host", body.GetProperty("host").GetString());
        Assert.Equal(1, body.GetProperty("intervalSeconds").GetInt32());
        Assert.Equal(5, body.GetProperty("recordsRead").GetInt64());
        Assert.Equal(0, body.GetProperty("recordsShipped").GetInt64());
        Assert.Equal(1, body.GetProperty("truncated").GetInt64());
        var dropped = body.GetProperty("dropped");
        Assert.Equal((2L, 0L, 3L), (dropped.GetProperty("tooLarge").GetInt64(), dropped.GetProperty("queueFull").GetInt64(), dropped.GetProperty("malformed").GetInt64()));
        Assert.Equal(5, body.GetProperty("queue").GetProperty("depth").GetInt64());
        Assert.True(DateTimeOffset.TryParse(body.GetProperty("startedAt").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task ShippingCarriesOnAndHeartbeatsResumeWhileTheHeartbeatEndpointFails()
    {
        await using var ingest = new IngestSink();
        await ingest.StartAsync();
        await using var heartbeats = new HeartbeatSink { Failing = true };
        await heartbeats.StartAsync();
        await using var rig = new ShippingRig([ingest.Url]);
        // First a port nobody listens on, then a center that answers 500: every heartbeat fails for now.
        var options = Options("col-8", ClosedPortUrl(), heartbeats.Url);
        using var http = CenterHttpClientFactory.Create(options.Center);
        var sender = new HeartbeatSender(options, http, new CollectorMetrics(), rig.Queue, TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var running = sender.RunAsync(stop.Token);

        await rig.WriteLinesAsync(1, 500);
        await Eventually.TrueAsync(() => rig.Queue.Depth == 0 && sender.Failed >= 3, "records shipped while heartbeats fail");
        Assert.Equal(500, ingest.Stored.Count);
        Assert.Equal(0, sender.Sent);
        Assert.False(running.IsCompleted);

        heartbeats.Failing = false;
        await Eventually.TrueAsync(() => sender.Sent >= 1, "a heartbeat once the center answers again");
        await stop.CancelAsync();
        await running; // returns on cancellation, never throws
        Assert.Equal("col-8", heartbeats.Received.First().Body.GetProperty("collector").GetString());
    }

    private static CollectorOptions Options(string id, params Uri[] urls)
    {
        var options = new CollectorOptions { Id = id, Host = "agency-host" };
        options.Center.ApiKey = IngestSink.ApiKey;
        options.Center.HeartbeatIntervalSeconds = 1;
        options.Center.ConnectTimeoutSeconds = 2;
        options.Center.Urls.AddRange(urls);
        return options;
    }

    private static Uri ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
