using Soc.Collector.Buffering;
using Soc.Collector.Configuration;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Buffering;

public sealed class DiskQueueBackPressureTests
{
    private static readonly QueueOptions Small = new() { SegmentBytes = 4096, MaxQueueBytes = 16 * 1024 };

    [Fact]
    public void RefusesTryWriteWhenFullAndCountsIt()
    {
        using var dir = new TempDirectory();
        using var queue = DiskQueue.Open(dir.Path, Small, "c1");
        var accepted = 0;
        while (queue.TryWrite(TestRecords.Line(new string('x', 200))))
        {
            accepted++;
            Assert.True(accepted < 1000, "the cap was never reached");
        }

        Assert.True(queue.DiskBytes <= Small.MaxQueueBytes);
        Assert.False(queue.TryWrite(TestRecords.Line(new string('y', 200))));
        Assert.Equal(2, queue.RejectedWhenFull);
    }

    [Fact]
    public async Task WriteAsyncWaitsUntilAcknowledgementFreesASegment()
    {
        using var dir = new TempDirectory();
        using var queue = DiskQueue.Open(dir.Path, Small, "c1");
        while (queue.TryWrite(TestRecords.Line(new string('x', 200))))
        {
        }

        var waiting = queue.WriteAsync(TestRecords.Line("waits" + new string('y', 200)), CancellationToken.None).AsTask();
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        var batch = queue.TryReadBatch(int.MaxValue, long.MaxValue)!; // the first segment
        queue.Acknowledge(batch.LastSequence);
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        var rest = QueueReading.ReadAll(queue);
        Assert.StartsWith("waits", TestRecords.Parse(rest[^1]).Message, StringComparison.Ordinal);
    }
}
