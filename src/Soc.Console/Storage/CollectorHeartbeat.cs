namespace Soc.Console.Storage;

/// <summary>
/// A collector's latest report of its own counters (docs/specs/wire.md, "Heartbeat"), as the center keeps
/// it per (agency, collector). Counters are since the collector process started (<see cref="StartedAt"/>).
/// </summary>
public sealed record CollectorHeartbeat(
    string AgencyId,
    string CollectorId,
    string? Host,
    string? Version,
    DateTimeOffset? StartedAt,
    DateTimeOffset ReceivedAt,
    int IntervalSeconds,
    long RecordsRead,
    long RecordsShipped,
    long DroppedTooLarge,
    long DroppedQueueFull,
    long DroppedMalformed,
    long Truncated,
    long QueueDepth,
    long OldestUnsentSeconds)
{
    /// <summary>Records the collector lost or set aside (dead-lettered) rather than delivered; truncated records were delivered and are not in it.</summary>
    public long Dropped => DroppedTooLarge + DroppedQueueFull + DroppedMalformed;
}
