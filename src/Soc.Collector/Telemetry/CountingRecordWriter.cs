using System.Text;
using Soc.Collector.Inputs;
using Soc.Collector.Records;

namespace Soc.Collector.Telemetry;

/// <summary>Counts what one input queued, so inputs need no metrics code of their own.</summary>
public sealed class CountingRecordWriter(IRecordWriter inner, InputCounters counters) : IRecordWriter
{
    public ValueTask WriteAsync(CollectorRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pending = inner.WriteAsync(record, cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            Count(record);
            return ValueTask.CompletedTask;
        }

        return CountWhenDoneAsync(pending, record);
    }

    public bool TryWrite(CollectorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (inner.TryWrite(record))
        {
            Count(record);
            return true;
        }

        counters.AddDropped();
        return false;
    }

    private async ValueTask CountWhenDoneAsync(ValueTask pending, CollectorRecord record)
    {
        await pending.ConfigureAwait(false);
        Count(record);
    }

    private void Count(CollectorRecord record)
    {
        counters.AddRecord(Encoding.UTF8.GetByteCount(record.Message));
        if (TruncationMark.IsTruncated(record))
        {
            counters.AddTruncated();
        }
    }
}
