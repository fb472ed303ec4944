using System.Net.Sockets;
using System.Text;
using Soc.Collector.Tests.Support;
using Xunit.Abstractions;

namespace Soc.Collector.Tests.Process;

/// <summary>
/// The real collector process, killed with SIGKILL at random moments while syslog lines flow in over TCP and
/// batches flow out to <see cref="IngestSink"/> (which also drops some answers after storing). Plain TCP syslog
/// has no acknowledgement, so lines still in socket buffers when the process dies are lost by the protocol; the
/// test re-sends exactly the lines missing at the sink once a restarted collector has drained its queue. Every
/// line must end up stored exactly once (by message, not only by id), and within each round the lines that
/// made it must be a prefix of the lines sent: nothing queued was lost or reordered.
/// </summary>
public sealed class CollectorKillTests(ITestOutputHelper output)
{
    private const int TotalLines = 30_000;
    private const int LinesPerRound = 3_000;

    [Fact]
    public async Task EveryLineArrivesExactlyOnceAcrossKillNineRestarts()
    {
        using var dir = new TempDirectory();
        await using var sink = new IngestSink();
        sink.FailureFor = (n, _) => n % 5 == 0 ? SinkFailure.DropAnswerAfterStoring : SinkFailure.None;
        await sink.StartAsync();
        var syslogPort = CollectorProcess.FreePort();
        var metricsPort = CollectorProcess.FreePort();
        var config = CollectorConfigFile.Write(dir.Path, sink.Url, syslogPort, metricsPort);
        var random = new Random(20261122);
        var all = Enumerable.Range(1, TotalLines).Select(i => $"<13>Nov 22 03:00:00 web01 app[1]: kill-test line {i:D6}").ToList();
        var kills = 0;

        for (var round = 0; round < 40; round++)
        {
            using var collector = CollectorProcess.Start("--config", config);
            await WaitUntilDrainedAsync(collector, metricsPort);
            AssertNoDuplicateMessages(sink);
            var stored = sink.Messages.ToHashSet(StringComparer.Ordinal);
            var pending = all.Where(line => !stored.Contains(line)).ToList();
            output.WriteLine($"round {round}: {stored.Count} stored, {pending.Count} pending, {kills} kills so far, {sink.Duplicates} duplicate ids re-sent");
            if (pending.Count == 0)
            {
                break;
            }

            var chunk = pending.Take(LinesPerRound).ToList();
            var sending = SendAsync(syslogPort, chunk);
            if (random.Next(4) == 0)
            {
                await sending; // kill later, while shipping or idle
                await Task.Delay(random.Next(0, 300));
            }
            else
            {
                await Task.Delay(random.Next(0, 200)); // kill while lines are still coming in
            }

            collector.KillHard();
            kills++;
            await sending;

            // After the next start drains, what reached the sink from this chunk must be a prefix of it.
            using (var check = CollectorProcess.Start("--config", config))
            {
                await WaitUntilDrainedAsync(check, metricsPort);
                check.KillHard();
            }

            var nowStored = sink.Messages.ToHashSet(StringComparer.Ordinal);
            var arrived = chunk.TakeWhile(nowStored.Contains).Count();
            output.WriteLine($"  killed; {arrived} of {chunk.Count} lines of the round were queued before the kill");
            Assert.True(chunk.Skip(arrived).All(line => !nowStored.Contains(line)), $"round {round}: a line after the first missing one arrived (gap in the queue)");
        }

        AssertNoDuplicateMessages(sink);
        Assert.Equal(TotalLines, sink.Stored.Count);
        Assert.True(kills >= 3, $"only {kills} kills happened");
    }

    private static void AssertNoDuplicateMessages(IngestSink sink)
    {
        var messages = sink.Messages.ToList();
        Assert.Equal(messages.Count, messages.Distinct(StringComparer.Ordinal).Count());
    }

    private static async Task WaitUntilDrainedAsync(CollectorProcess collector, int metricsPort)
    {
        await Eventually.TrueAsync(
            () =>
            {
                Assert.False(collector.HasExited, "collector exited: " + collector.Output);
                var metrics = CollectorProcess.TryReadMetricsAsync(metricsPort).GetAwaiter().GetResult();
                return metrics is not null && metrics.GetValueOrDefault("soc_collector_queue_depth_records", -1) == 0;
            },
            "collector up with an empty queue",
            timeoutSeconds: 180);
    }

    /// <summary>Sends lines over one TCP connection until done or the collector dies; returns how many were written.</summary>
    private static async Task<int> SendAsync(int port, List<string> lines)
    {
        using var client = new TcpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await client.ConnectAsync("127.0.0.1", port);
                break;
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(50); // the listener starts a moment after /metrics
            }
            catch (SocketException)
            {
                return 0;
            }
        }

        var written = 0;
        try
        {
            var stream = client.GetStream();
            var buffer = new StringBuilder();
            foreach (var line in lines)
            {
                buffer.Append(line).Append('\n');
                if (buffer.Length > 8192)
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(buffer.ToString()));
                    buffer.Clear();
                    await Task.Delay(5); // paced (~20,000 lines/s) so kills land while lines flow in
                }

                written++;
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(buffer.ToString()));
        }
        catch (IOException)
        {
            // killed mid-send
        }

        return written;
    }
}
