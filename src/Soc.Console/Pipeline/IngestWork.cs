using Soc.Console.Storage;
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

    /// <summary><see cref="Processed"/> as the store receives it, with the store's encoding made in the detect stage (see ISocStore.Prepare).</summary>
    public EventBatch? Batch { get; set; }

    public TaskCompletionSource<IngestResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
