using System.Net.Sockets;
using System.Text;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Process;

public sealed class CollectorReloadTests
{
    [Fact]
    public async Task SighupRestartsInputsWithTheNewConfigAndSigtermExitsCleanly()
    {
        using var dir = new TempDirectory();
        await using var sink = new IngestSink();
        await sink.StartAsync();
        var firstPort = CollectorProcess.FreePort();
        var metricsPort = CollectorProcess.FreePort();
        var config = CollectorConfigFile.Write(dir.Path, sink.Url, firstPort, metricsPort);
        using var collector = CollectorProcess.Start("--config", config);

        await SendWithRetryAsync(firstPort, "before reload");
        await Eventually.TrueAsync(() => sink.Messages.Count() == 10, "lines through the first port");
        using (var http = new HttpClient())
        {
            var health = await http.GetStringAsync(new Uri($"http://127.0.0.1:{metricsPort}/healthz"));
            Assert.Contains("\"status\":\"ok\"", health, StringComparison.Ordinal);
        }

        await Eventually.TrueAsync(
            () => CollectorProcess.TryReadMetricsAsync(metricsPort).GetAwaiter().GetResult() is { } m
                && m.GetValueOrDefault($"soc_collector_input_records_total{{input=\"syslog_tcp:127.0.0.1:{firstPort}\"}}") == 10
                && m.GetValueOrDefault("soc_collector_acknowledged_records_total") == 10
                && m.GetValueOrDefault("soc_collector_last_success_timestamp_seconds") > 0,
            "metrics count the lines in and out");

        var secondPort = CollectorProcess.FreePort();
        CollectorConfigFile.Write(dir.Path, sink.Url, secondPort, metricsPort);
        collector.Signal("HUP");
        try
        {
            await SendWithRetryAsync(secondPort, "after reload");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Say what the collector said: a refused reload, a failed bind or nothing at all.
            throw new InvalidOperationException(e.Message + "; collector output:\n" + collector.Output, e);
        }

        await Eventually.TrueAsync(() => sink.Messages.Count() == 20, "lines through the new port");
        Assert.Contains("reloaded", collector.Output, StringComparison.Ordinal);

        collector.Signal("TERM");
        Assert.Equal(0, await collector.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("soc-collector stopped", collector.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACollectorThatCannotHearSighupSaysSoAtStart()
    {
        using var dir = new TempDirectory();
        await using var sink = new IngestSink();
        await sink.StartAsync();
        var config = CollectorConfigFile.Write(dir.Path, sink.Url, CollectorProcess.FreePort(), CollectorProcess.FreePort());

        using (var ignoring = CollectorProcess.Start(ignoreHangup: true, "--config", config))
        {
            await Eventually.TrueAsync(() => ignoring.Output.Contains("started", StringComparison.Ordinal), "the collector started");
            Assert.Contains("SIGHUP is ignored", ignoring.Output, StringComparison.Ordinal);
            ignoring.Signal("TERM");
            Assert.Equal(0, await ignoring.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }

        using var hearing = CollectorProcess.Start("--config", config);
        await Eventually.TrueAsync(() => hearing.Output.Contains("started", StringComparison.Ordinal), "the collector started again");
        Assert.DoesNotContain("SIGHUP is ignored", hearing.Output, StringComparison.Ordinal);
    }

    private static async Task SendWithRetryAsync(int port, string text)
    {
        await Eventually.TrueAsync(
            () =>
            {
                try
                {
                    using var client = new TcpClient("127.0.0.1", port);
                    var lines = string.Concat(Enumerable.Range(1, 10).Select(i => $"<13>Nov 22 03:00:00 web01 app: {text} {i}\n"));
                    client.GetStream().Write(Encoding.UTF8.GetBytes(lines));
                    return true;
                }
                catch (SocketException)
                {
                    Thread.Sleep(100);
                    return false;
                }
            },
            $"syslog port {port} accepting");
    }
}
