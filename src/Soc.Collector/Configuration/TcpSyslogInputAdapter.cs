using Soc.Collector.Inputs;
using Soc.Collector.Inputs.Syslog;

namespace Soc.Collector.Configuration;

/// <summary>
/// Presents the skeleton <see cref="TcpSyslogInput"/> (which writes to a ChannelWriter) as an <see cref="IInput"/>.
/// Goes away when the inputs engineer's IInput-based listeners are merged.
/// </summary>
public sealed class TcpSyslogInputAdapter(string name, InputOptions options, CollectorOptions collector) : IInput
{
    public string Name { get; } = name;

    public Task RunAsync(IRecordWriter writer, CancellationToken cancellationToken) =>
        new TcpSyslogInput(options, collector, new RecordWriterChannel(writer)).RunAsync(cancellationToken);
}
