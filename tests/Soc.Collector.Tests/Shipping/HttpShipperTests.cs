using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Shipping;

/// <summary>The shipper against <see cref="IngestSink"/> (a stand-in for the center) with failures injected.</summary>
public sealed class HttpShipperTests
{
    [Fact]
    public async Task StoresEveryRecordExactlyOnceDespiteLostAnswersAndErrors()
    {
        await using var sink = new IngestSink();
        sink.FailureFor = (n, _) => (n % 7) switch
        {
            1 => SinkFailure.DropAnswerAfterStoring,
            3 => SinkFailure.ServerError,
            5 => SinkFailure.TooManyRequests,
            _ => SinkFailure.None,
        };
        await sink.StartAsync();
        await using var rig = new ShippingRig([sink.Url], c => c.MaxBatchRecords = 200);

        await rig.WriteLinesAsync(1, 5000);
        await Eventually.TrueAsync(() => rig.Queue.Depth == 0, "queue drained");

        Assert.Equal(5000, sink.Stored.Count);
        Assert.Equal(Enumerable.Range(1, 5000).Select(i => $"line {i}").Order(), sink.Messages.Order());
        Assert.True(sink.Duplicates > 0, "answers were dropped, so some batches must have been sent twice");
        Assert.True(rig.Counters.Retries > 0);
        Assert.Equal(5000, rig.Counters.RecordsAcknowledged);
        Assert.Equal(sink.Duplicates, rig.Counters.RecordsDuplicate);
    }

    [Fact]
    public async Task SplitsABatchTheCenterFindsTooLarge()
    {
        await using var sink = new IngestSink();
        sink.FailureFor = (_, messages) => messages.Count > 40 ? SinkFailure.TooLarge : SinkFailure.None;
        await sink.StartAsync();
        await using var rig = new ShippingRig([sink.Url], c => c.MaxBatchRecords = 500);

        await rig.WriteLinesAsync(1, 1000);
        await Eventually.TrueAsync(() => rig.Queue.Depth == 0, "queue drained");

        Assert.Equal(1000, sink.Stored.Count);
        Assert.Equal(0, rig.Counters.DeadLetteredRecords);
    }

    [Fact]
    public async Task DeadLettersABatchTheCenterCallsMalformedAndMovesOn()
    {
        await using var sink = new IngestSink();
        sink.FailureFor = (_, messages) => messages.Any(m => m.StartsWith("poison", StringComparison.Ordinal)) ? SinkFailure.BadRequest : SinkFailure.None;
        await sink.StartAsync();
        await using var rig = new ShippingRig([sink.Url], c => c.MaxBatchRecords = 10);

        await rig.WriteLinesAsync(1, 3, "poison");
        await Eventually.TrueAsync(() => rig.Queue.Depth == 0, "poison batch dead-lettered");
        await rig.WriteLinesAsync(1, 100);
        await Eventually.TrueAsync(() => rig.Queue.Depth == 0 && sink.Stored.Count == 100, "later records stored");

        Assert.Equal(3, rig.Counters.DeadLetteredRecords);
        var file = Assert.Single(Directory.GetFiles(rig.DeadLetterDirectory));
        Assert.Equal(["poison 1", "poison 2", "poison 3"], File.ReadAllLines(file).Select(l => TestRecords.Parse(System.Text.Encoding.UTF8.GetBytes(l)).Message));
    }

    [Fact]
    public async Task FailsOverToTheNextCenterWhenTheFirstIsDown()
    {
        await using var down = new IngestSink(); // never started: connection refused
        await using var up = new IngestSink();
        await up.StartAsync();
        await using var rig = new ShippingRig([down.Url, up.Url]);

        await rig.WriteLinesAsync(1, 500);
        await Eventually.TrueAsync(() => rig.Queue.Depth == 0, "queue drained");

        Assert.Equal(500, up.Stored.Count);
    }

    [Fact]
    public async Task KeepsRetryingWhileTheKeyIsRefusedAndShipsOnceItIsAccepted()
    {
        await using var sink = new IngestSink();
        var refuse = true;
        sink.FailureFor = (_, _) => Volatile.Read(ref refuse) ? SinkFailure.Unauthorized : SinkFailure.None;
        await sink.StartAsync();
        await using var rig = new ShippingRig([sink.Url]);

        await rig.WriteLinesAsync(1, 50);
        await Eventually.TrueAsync(() => rig.Counters.Retries >= 3, "several refused attempts");
        Assert.Empty(sink.Stored);
        Assert.Equal(50, rig.Queue.Depth);

        Volatile.Write(ref refuse, false);
        await Eventually.TrueAsync(() => rig.Queue.Depth == 0, "queue drained");
        Assert.Equal(50, sink.Stored.Count);
    }

    [Fact]
    public async Task DeliversEverythingWrittenWhileTheCenterWasDown()
    {
        await using var sink = new IngestSink();
        await using var rig = new ShippingRig([sink.Url], c => c.MaxBatchRecords = 1000);

        // Center down: records pile up on disk, not in memory.
        var writing = rig.WriteLinesAsync(1, 20_000);
        await Eventually.TrueAsync(() => rig.Counters.Retries >= 3 && rig.Queue.Depth > 5_000, "records queued while the center is down");
        await sink.StartAsync();
        await Eventually.TrueAsync(() => sink.Stored.Count > 1000, "shipping resumed");
        await sink.StopAsync(); // and down again mid-stream
        await Task.Delay(500);
        await sink.StartAsync();
        await writing;
        await Eventually.TrueAsync(() => rig.Queue.Depth == 0, "queue drained");

        Assert.Equal(20_000, sink.Stored.Count);
    }
}
