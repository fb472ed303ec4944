namespace Soc.Detection.Correlation;

/// <summary>
/// One slot of a value_count group's table: a distinct value and the event time it was last seen, linked
/// into a list ordered by that time (oldest first) so values leaving the window are found at the list head.
/// </summary>
internal struct DistinctEntry
{
    /// <summary>The value; null for a never-used slot, <see cref="DistinctValues.RemovedValue"/> for a freed one.</summary>
    public string? Value;

    /// <summary>Newest event time (UTC ticks) of the value within the window.</summary>
    public long Time;

    /// <summary>Slot of the value last seen just before this one, or -1.</summary>
    public int Older;

    /// <summary>Slot of the value last seen just after this one, or -1.</summary>
    public int Newer;
}
