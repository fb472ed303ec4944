using Soc.Collector.Records;

namespace Soc.Collector.Inputs;

/// <summary>
/// Where inputs put records: the durable queue. A record is durable (it survives a crash) once
/// <see cref="WriteAsync"/> has completed, so a file input may advance its checkpoint then.
/// A record whose <see cref="CollectorRecord.Id"/> is empty gets <c>{collector id}:{queue sequence}</c>.
/// </summary>
public interface IRecordWriter
{
    /// <summary>Appends a record; waits while the queue is full (back-pressure for TCP and files).</summary>
    ValueTask WriteAsync(CollectorRecord record, CancellationToken cancellationToken);

    /// <summary>Appends without waiting; false when the queue is full, and the caller counts the overflow (UDP).</summary>
    bool TryWrite(CollectorRecord record);
}
