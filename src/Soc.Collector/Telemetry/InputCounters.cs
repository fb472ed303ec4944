namespace Soc.Collector.Telemetry;

/// <summary>Counters of one input; written by <see cref="CountingRecordWriter"/>, inputs may add their own (e.g. overflow).</summary>
public sealed class InputCounters(string name)
{
    private long _records;
    private long _bytes;
    private long _dropped;
    private long _truncated;

    public string Name { get; } = name;

    /// <summary>Records durably queued from this input.</summary>
    public long Records => Interlocked.Read(ref _records);

    /// <summary>UTF-8 bytes of their messages.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Records the input had to drop (queue full for UDP, oversized lines, ...).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void AddRecord(long messageBytes)
    {
        Interlocked.Increment(ref _records);
        Interlocked.Add(ref _bytes, messageBytes);
    }

    /// <summary>Of <see cref="Records"/>, those cut at the input's maximum size (delivered, marked <c>truncated</c>).</summary>
    public long Truncated => Interlocked.Read(ref _truncated);

    public void AddDropped() => Interlocked.Increment(ref _dropped);

    public void AddTruncated() => Interlocked.Increment(ref _truncated);
}
