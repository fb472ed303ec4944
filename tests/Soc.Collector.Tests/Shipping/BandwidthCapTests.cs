using System.Diagnostics;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Shipping;

public sealed class BandwidthCapTests
{
    [Fact]
    public async Task ShipsNoFasterThanTheConfiguredBytesPerSecond()
    {
        await using var sink = new IngestSink();
        await sink.StartAsync();
        const int rate = 64 * 1024;
        await using var rig = new ShippingRig([sink.Url], c => c.BandwidthBytesPerSecond = rate);

        // Random text barely compresses, so the gzip body is close to the raw size (~250 KB).
        var random = new Random(3);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            var noise = Convert.ToBase64String(Enumerable.Range(0, 180).Select(_ => (byte)random.Next(256)).ToArray());
            await rig.Queue.WriteAsync(TestRecords.Line($"{i} {noise}"), CancellationToken.None);
        }

        await Eventually.TrueAsync(() => rig.Queue.Depth == 0, "queue drained");
        clock.Stop();

        // Lower bound only (a busy machine is slower, never faster): all bytes minus one burst at the cap.
        var sent = rig.Counters.BytesSent;
        Assert.True(sent > 150_000, $"only {sent} bytes sent");
        var floor = TimeSpan.FromSeconds((sent - (rate / 4.0)) / rate);
        Assert.True(clock.Elapsed >= floor, $"{sent} bytes in {clock.Elapsed}, faster than {rate} B/s allows ({floor})");
        Assert.Equal(1000, sink.Stored.Count);
    }
}
