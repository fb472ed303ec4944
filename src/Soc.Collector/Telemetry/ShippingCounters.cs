namespace Soc.Collector.Telemetry;

/// <summary>What the shipper did; read by the metrics endpoint.</summary>
public sealed class ShippingCounters
{
    private long _batchesAcknowledged;
    private long _recordsAcknowledged;
    private long _recordsDuplicate;
    private long _bytesSent;
    private long _retries;
    private long _deadLetteredRecords;
    private long _deadLetteredTooLarge;
    private long _lastSuccessUnixMilliseconds;

    public long BatchesAcknowledged => Interlocked.Read(ref _batchesAcknowledged);

    /// <summary>Records the center confirmed as stored (including ones it already had).</summary>
    public long RecordsAcknowledged => Interlocked.Read(ref _recordsAcknowledged);

    /// <summary>Records the center reported as duplicates: re-sent after a lost answer or a crash.</summary>
    public long RecordsDuplicate => Interlocked.Read(ref _recordsDuplicate);

    /// <summary>Compressed request body bytes put on the wire, retries included.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Records the center refused as malformed (400) or, alone, as too large (413), written to the dead-letter folder instead.</summary>
    public long DeadLetteredRecords => Interlocked.Read(ref _deadLetteredRecords);

    /// <summary>The part of <see cref="DeadLetteredRecords"/> that was a single record the center found too large (413).</summary>
    public long DeadLetteredTooLarge => Interlocked.Read(ref _deadLetteredTooLarge);

    /// <summary>Unix time (ms) of the last batch the center stored; 0 before the first.</summary>
    public long LastSuccessUnixMilliseconds => Interlocked.Read(ref _lastSuccessUnixMilliseconds);

    public void AddAcknowledged(int records, long duplicates, DateTimeOffset now)
    {
        Interlocked.Increment(ref _batchesAcknowledged);
        Interlocked.Add(ref _recordsAcknowledged, records);
        Interlocked.Add(ref _recordsDuplicate, duplicates);
        Interlocked.Exchange(ref _lastSuccessUnixMilliseconds, now.ToUnixTimeMilliseconds());
    }

    public void AddBytesSent(long bytes) => Interlocked.Add(ref _bytesSent, bytes);

    public void AddRetry() => Interlocked.Increment(ref _retries);

    public void AddDeadLettered(int records) => Interlocked.Add(ref _deadLetteredRecords, records);

    public void AddDeadLetteredTooLarge(int records)
    {
        Interlocked.Add(ref _deadLetteredRecords, records);
        Interlocked.Add(ref _deadLetteredTooLarge, records);
    }
}
