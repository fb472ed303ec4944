using Soc.Collector.Records;

namespace Soc.Collector.Inputs;

/// <summary>
/// How a record says that its message was cut at the input's maximum size: the record's
/// <c>truncated</c> field (<see cref="CollectorRecord.Truncated"/>), sent only when true. The message keeps its
/// first bytes exactly as received. Inputs mark records only through this class.
/// </summary>
public static class TruncationMark
{
    /// <summary>The value for <see cref="CollectorRecord.Truncated"/>: true, or null (left out of the JSON).</summary>
    public static bool? Field(bool truncated) => truncated ? true : null;

    public static bool IsTruncated(CollectorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Truncated == true;
    }
}
