namespace Soc.Collector.Inputs;

/// <summary>
/// A source of records (a syslog listener, a file tailer). Runs until cancelled and hands every record
/// to the <see cref="IRecordWriter"/>, which stands for the durable disk queue.
/// </summary>
public interface IInput
{
    /// <summary>Stable name used in metrics and logs, e.g. <c>syslog_tcp:127.0.0.1:5514</c>.</summary>
    string Name { get; }

    Task RunAsync(IRecordWriter writer, CancellationToken cancellationToken);
}
