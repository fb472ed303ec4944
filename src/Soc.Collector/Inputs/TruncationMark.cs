using Soc.Collector.Records;

namespace Soc.Collector.Inputs;

/// <summary>
/// How a record says that its message was cut at the input's maximum size. Until
/// <see cref="CollectorRecord"/> has a <c>truncated</c> field, a truncated record's <see cref="CollectorRecord.Source"/>
/// ends with <see cref="SourceSuffix"/> (for example <c>tcp://[::]:5514#truncated</c>): that leaves the message
/// exactly as received and works for every source type. Inputs mark records only through this class, so moving
/// to a field is a change in one place.
/// </summary>
public static class TruncationMark
{
    public const string SourceSuffix = "#truncated";

    /// <summary>The source to record: <paramref name="source"/>, marked when the message was truncated.</summary>
    public static string Source(string source, bool truncated) => truncated ? source + SourceSuffix : source;

    public static bool IsTruncated(CollectorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Source.EndsWith(SourceSuffix, StringComparison.Ordinal);
    }
}
