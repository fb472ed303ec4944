using System.Threading.Channels;
using Soc.Collector.Configuration;
using Soc.Collector.Records;

namespace Soc.Collector.Inputs.Syslog;

// Bridge for the current Program.cs, which predates IInput and passes a channel. Delete this file once Program.cs
// builds inputs from SyslogInputOptions and hands them the disk queue's IRecordWriter.
public sealed partial class TcpSyslogInput
{
    private readonly IRecordWriter? _legacyWriter;

    public TcpSyslogInput(InputOptions input, CollectorOptions collector, ChannelWriter<CollectorRecord> output)
        : this(
            new SyslogInputOptions { Listen = input?.Listen ?? "", SourceType = input?.SourceType ?? "syslog", TimeZone = input?.TimeZone ?? "UTC" },
            collector?.Host ?? Environment.MachineName)
    {
        ArgumentNullException.ThrowIfNull(collector);
        _legacyWriter = new ChannelRecordWriter(collector.Id, output);
    }

    public Task RunAsync(CancellationToken cancellationToken) =>
        RunAsync(_legacyWriter ?? throw new InvalidOperationException("constructed without a channel"), cancellationToken);

    /// <summary>Numbers records as the disk queue will (<c>{collector id}:{sequence}</c>), without its durability.</summary>
    private sealed class ChannelRecordWriter(string collectorId, ChannelWriter<CollectorRecord> output) : IRecordWriter
    {
        private long _sequence;

        public ValueTask WriteAsync(CollectorRecord record, CancellationToken cancellationToken) =>
            output.WriteAsync(Number(record), cancellationToken);

        public bool TryWrite(CollectorRecord record) => output.TryWrite(Number(record));

        private CollectorRecord Number(CollectorRecord record) =>
            record.Id.Length > 0 ? record : record with { Id = $"{collectorId}:{Interlocked.Increment(ref _sequence)}" };
    }
}
