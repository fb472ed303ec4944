using Soc.Detection.Events;

namespace Soc.Console.Pipeline;

/// <summary>
/// One ingest batch travelling through the pipeline. <see cref="Done"/> completes after the store commit
/// that holds it, which is when the HTTP answer may be sent.
/// </summary>
public sealed class IngestWork(string agencyId, IReadOnlyList<RawRecord> records)
{
    public string AgencyId { get; } = agencyId;

    public IReadOnlyList<RawRecord> Records { get; } = records;

    public List<LogEvent> Events { get; } = new(records?.Count ?? 0);

    public List<ProcessedEvent> Processed { get; } = new(records?.Count ?? 0);

    public TaskCompletionSource<IngestResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
