namespace Soc.Collector.Buffering;

/// <summary>
/// Records read from the queue and not yet acknowledged: their JSON payloads, in sequence order.
/// Acknowledge <see cref="LastSequence"/> once the center has stored every one of them.
/// </summary>
public sealed class DiskQueueBatch(long firstSequence, IReadOnlyList<byte[]> payloads)
{
    public long FirstSequence { get; } = firstSequence;

    public long LastSequence => FirstSequence + Payloads.Count - 1;

    /// <summary>UTF-8 JSON of each record, without a trailing newline.</summary>
    public IReadOnlyList<byte[]> Payloads { get; } = payloads;

    public long PayloadBytes
    {
        get
        {
            long total = 0;
            foreach (var payload in Payloads)
            {
                total += payload.Length;
            }

            return total;
        }
    }
}
