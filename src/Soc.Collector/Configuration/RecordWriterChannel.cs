using System.Threading.Channels;
using Soc.Collector.Inputs;
using Soc.Collector.Records;

namespace Soc.Collector.Configuration;

/// <summary>
/// A ChannelWriter that writes straight into an <see cref="IRecordWriter"/> (the disk queue): no buffer in
/// between, so a record the input handed over is on disk and nothing sits in memory to be lost on a crash.
/// </summary>
public sealed class RecordWriterChannel(IRecordWriter writer) : ChannelWriter<CollectorRecord>
{
    public override bool TryWrite(CollectorRecord item) => writer.TryWrite(item);

    public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(true);

    public override ValueTask WriteAsync(CollectorRecord item, CancellationToken cancellationToken = default) => writer.WriteAsync(item, cancellationToken);
}
