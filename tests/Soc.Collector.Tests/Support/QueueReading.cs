using Soc.Collector.Buffering;

namespace Soc.Collector.Tests.Support;

public static class QueueReading
{
    /// <summary>Reads batches (which end at segment boundaries) until <paramref name="max"/> records or nothing is unread.</summary>
    public static List<byte[]> ReadAll(DiskQueue queue, int max = int.MaxValue)
    {
        var payloads = new List<byte[]>();
        while (payloads.Count < max && queue.TryReadBatch(max - payloads.Count, long.MaxValue) is { } batch)
        {
            payloads.AddRange(batch.Payloads);
        }

        return payloads;
    }
}
