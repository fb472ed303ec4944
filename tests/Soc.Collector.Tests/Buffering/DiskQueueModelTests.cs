using Soc.Collector.Buffering;
using Soc.Collector.Configuration;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Buffering;

/// <summary>
/// The queue against an in-memory model: a seeded random sequence of append, read, acknowledge and reopen,
/// with small segments so rolling and deleting happen often. After every step the queue must hand out exactly
/// what the model says, in order, with the ids the model expects.
/// </summary>
public sealed class DiskQueueModelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void AgreesWithTheModelOverRandomOperations(int seed)
    {
        using var dir = new TempDirectory();
        var options = new QueueOptions { SegmentBytes = 4096, MaxQueueBytes = 1L << 40, FsyncIntervalMilliseconds = 50 };
        var random = new Random(seed);
        var model = new List<(long Sequence, string Message, string Id)>();
        long acknowledged = 0;
        long readUpTo = 0; // last sequence handed out since the last (re)open
        long nextSequence = 1;
        var queue = DiskQueue.Open(dir.Path, options, "c1");
        var abandoned = new List<DiskQueue>();
        try
        {
            for (var step = 0; step < 3000; step++)
            {
                var op = random.Next(100);
                if (op < 55)
                {
                    var message = new string((char)('a' + random.Next(26)), random.Next(0, op < 2 ? 9000 : 300)) + $"#{nextSequence}";
                    var explicitId = random.Next(4) == 0 ? $"file:{nextSequence}" : "";
                    queue.TryWrite(TestRecords.Line(message, explicitId)).ShouldBeTrue();
                    model.Add((nextSequence, message, explicitId.Length > 0 ? explicitId : $"c1:{nextSequence}"));
                    nextSequence++;
                }
                else if (op < 80)
                {
                    var batch = queue.TryReadBatch(random.Next(1, 50), random.Next(1, 20_000));
                    var expected = model.Where(r => r.Sequence > readUpTo).ToList();
                    if (expected.Count == 0)
                    {
                        Assert.Null(batch);
                        continue;
                    }

                    Assert.NotNull(batch);
                    Assert.Equal(expected[0].Sequence, batch.FirstSequence);
                    for (var i = 0; i < batch.Payloads.Count; i++)
                    {
                        var record = TestRecords.Parse(batch.Payloads[i]);
                        Assert.Equal(expected[i].Message, record.Message);
                        Assert.Equal(expected[i].Id, record.Id);
                    }

                    readUpTo = batch.LastSequence;
                }
                else if (op < 95)
                {
                    if (readUpTo > acknowledged)
                    {
                        acknowledged = acknowledged + 1 + random.NextInt64(readUpTo - acknowledged);
                        queue.Acknowledge(acknowledged);
                        model.RemoveAll(r => r.Sequence <= acknowledged);
                    }
                }
                else if (op < 98)
                {
                    queue.Dispose();
                    queue = DiskQueue.Open(dir.Path, options, "c1");
                    readUpTo = acknowledged;
                    Assert.Equal(0, queue.Recovery.DamagedBytes);
                }
                else
                {
                    // Process crash: the old instance is abandoned without Dispose (no final fsync, handles open).
                    abandoned.Add(queue);
                    queue = DiskQueue.Open(dir.Path, options, "c1");
                    readUpTo = acknowledged;
                    Assert.Equal(0, queue.Recovery.DamagedBytes);
                }

                Assert.Equal(model.Count, queue.Depth);
                Assert.Equal(SegmentBytesOnDisk(dir.Path), queue.DiskBytes);
            }
        }
        finally
        {
            queue.Dispose();
            abandoned.ForEach(q => q.Dispose());
        }
    }

    [Fact]
    public void ReplaysUnacknowledgedRecordsAfterRestart()
    {
        using var dir = new TempDirectory();
        var options = new QueueOptions { SegmentBytes = 4096 };
        using (var queue = DiskQueue.Open(dir.Path, options, "c1"))
        {
            for (var i = 1; i <= 100; i++)
            {
                queue.TryWrite(TestRecords.Line($"line {i}")).ShouldBeTrue();
            }

            Assert.Equal(60, QueueReading.ReadAll(queue, 60).Count);
            queue.Acknowledge(40); // the center stored 40; the answer for the other 20 was lost
        }

        using var reopened = DiskQueue.Open(dir.Path, options, "c1");
        Assert.Equal(60, reopened.Depth);
        var replay = QueueReading.ReadAll(reopened);
        Assert.Equal(Enumerable.Range(41, 60).Select(i => $"line {i}"), replay.Select(p => TestRecords.Parse(p).Message));
    }

    [Fact]
    public void NeverReusesASequenceAfterEverythingWasAcknowledged()
    {
        using var dir = new TempDirectory();
        var options = new QueueOptions();
        using (var queue = DiskQueue.Open(dir.Path, options, "c1"))
        {
            for (var i = 0; i < 10; i++)
            {
                queue.TryWrite(TestRecords.Line("x")).ShouldBeTrue();
            }

            queue.Acknowledge(queue.TryReadBatch(100, 1 << 20)!.LastSequence);
        }

        using var reopened = DiskQueue.Open(dir.Path, options, "c1");
        reopened.TryWrite(TestRecords.Line("after restart")).ShouldBeTrue();
        Assert.Equal("c1:11", TestRecords.Parse(reopened.TryReadBatch(10, 1 << 20)!.Payloads[0]).Id);
    }

    private static long SegmentBytesOnDisk(string directory) =>
        Directory.EnumerateFiles(directory, "*.seg").Sum(f => new FileInfo(f).Length);
}
