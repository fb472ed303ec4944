using Soc.Collector.Buffering;
using Soc.Collector.Configuration;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Buffering;

/// <summary>What a power cut or a bad disk leaves at the end of the last segment, and what opening makes of it.</summary>
public sealed class DiskQueueRecoveryTests
{
    private static readonly QueueOptions Options = new() { SegmentBytes = 1 << 20 };

    public enum Damage
    {
        TornLastFrame,
        GarbageAfterLastFrame,
        FlippedByteInLastFrame,
        ZeroFilledTail,
    }

    [Theory]
    [InlineData(Damage.TornLastFrame)]
    [InlineData(Damage.GarbageAfterLastFrame)]
    [InlineData(Damage.FlippedByteInLastFrame)]
    [InlineData(Damage.ZeroFilledTail)]
    public void CutsADamagedTailAndKeepsEveryWholeRecord(Damage damage)
    {
        using var dir = new TempDirectory();
        using (var queue = DiskQueue.Open(dir.Path, Options, "c1"))
        {
            for (var i = 1; i <= 50; i++)
            {
                queue.TryWrite(TestRecords.Line($"line {i}")).ShouldBeTrue();
            }
        }

        var segment = Directory.GetFiles(dir.Path, "*.seg").Single();
        var bytes = File.ReadAllBytes(segment);
        var lastFrameLength = 16 + System.Text.Encoding.UTF8.GetByteCount(System.Text.Json.JsonSerializer.Serialize(
            TestRecords.Line("line 50", "c1:50"), Soc.Collector.Records.CollectorRecordJsonContext.Default.CollectorRecord));
        var expectedWhole = 50;
        switch (damage)
        {
            case Damage.TornLastFrame:
                File.WriteAllBytes(segment, bytes[..^(lastFrameLength / 2)]);
                expectedWhole = 49;
                break;
            case Damage.GarbageAfterLastFrame:
                File.WriteAllBytes(segment, [.. bytes, .. new byte[] { 0x13, 0x00, 0x00, 0x00, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3 }]);
                break;
            case Damage.FlippedByteInLastFrame:
                bytes[^3] ^= 0x40;
                File.WriteAllBytes(segment, bytes);
                expectedWhole = 49;
                break;
            case Damage.ZeroFilledTail:
                // ext4 after a power cut can show a file extended with zeros the data never reached.
                File.WriteAllBytes(segment, [.. bytes, .. new byte[4096]]);
                break;
        }

        var damagedLength = new FileInfo(segment).Length;
        using var reopened = DiskQueue.Open(dir.Path, Options, "c1");
        Assert.True(reopened.Recovery.DamagedBytes > 0);
        Assert.Equal(damagedLength - new FileInfo(segment).Length, reopened.Recovery.DamagedBytes);
        var batch = reopened.TryReadBatch(1000, 1 << 20)!;
        Assert.Equal(Enumerable.Range(1, expectedWhole).Select(i => $"line {i}"), batch.Payloads.Select(p => TestRecords.Parse(p).Message));

        // Appending continues after the last whole record, in a new segment, with the next sequence.
        reopened.TryWrite(TestRecords.Line("after recovery")).ShouldBeTrue();
        var next = reopened.TryReadBatch(10, 1 << 20)!;
        Assert.Equal(expectedWhole + 1, next.FirstSequence);
        Assert.Equal($"c1:{expectedWhole + 1}", TestRecords.Parse(next.Payloads[0]).Id);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void KeepsExactlyTheWholeRecordsBeforeARandomCut(int seed)
    {
        // Like a power cut at any byte: whatever prefix of the file survived, the records in it come back.
        var random = new Random(seed);
        using var dir = new TempDirectory();
        var messages = Enumerable.Range(1, 200).Select(i => new string('m', random.Next(0, 500)) + $" {i}").ToList();
        using (var queue = DiskQueue.Open(dir.Path, Options, "c1"))
        {
            messages.ForEach(m => queue.TryWrite(TestRecords.Line(m)).ShouldBeTrue());
        }

        var segment = Directory.GetFiles(dir.Path, "*.seg").Single();
        var original = File.ReadAllBytes(segment);
        for (var trial = 0; trial < 20; trial++)
        {
            var cut = random.Next(0, original.Length + 1);
            File.WriteAllBytes(segment, original[..cut]);
            File.Delete(Path.Combine(dir.Path, "ack.checkpoint"));

            using var reopened = DiskQueue.Open(dir.Path, Options, "c1");
            var recovered = QueueReading.ReadAll(reopened).Select(p => TestRecords.Parse(p).Message).ToList();

            Assert.Equal(messages.Take(recovered.Count), recovered);
            Assert.Equal(WholeFramesBefore(original, cut), recovered.Count);
            reopened.Dispose();
            foreach (var extra in Directory.GetFiles(dir.Path, "*.seg").Where(f => f != segment))
            {
                File.Delete(extra);
            }

            File.WriteAllBytes(segment, original);
        }
    }

    [Fact]
    public void DropsASegmentFileThatIsNotAQueueSegment()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("00000000000000000001.seg"), "not a segment");
        using var queue = DiskQueue.Open(dir.Path, Options, "c1");
        Assert.Equal(13, queue.Recovery.DamagedBytes);
        Assert.Equal(0, queue.Depth);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.seg"));
    }

    [Fact]
    public void RecoversWhenTheProcessDiedWithoutClosingTheQueue()
    {
        using var dir = new TempDirectory();
        var crashed = DiskQueue.Open(dir.Path, Options, "c1");
        for (var i = 1; i <= 20; i++)
        {
            crashed.TryWrite(TestRecords.Line($"line {i}")).ShouldBeTrue();
        }

        // No Dispose: like kill -9, nothing is flushed or closed beyond what WriteAsync already did.
        using var reopened = DiskQueue.Open(dir.Path, Options, "c1");
        Assert.Equal(20, reopened.Depth);
        Assert.Equal(0, reopened.Recovery.DamagedBytes);
        GC.KeepAlive(crashed);
    }

    private static int WholeFramesBefore(byte[] file, int cut)
    {
        var count = 0;
        var offset = 8;
        while (offset + 16 <= cut)
        {
            var end = offset + 16 + BitConverter.ToInt32(file, offset);
            if (end > cut)
            {
                break;
            }

            count++;
            offset = end;
        }

        return cut < 8 ? 0 : count;
    }
}
