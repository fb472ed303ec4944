namespace Soc.Console.Pipeline;

/// <summary>Sizes of the pipeline's bounded channels and of the store's group commits (bound from <c>Soc:Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    /// <summary>Batches waiting at each stage; when the first stage is full, ingest answers 503 + Retry-After instead of queueing more.</summary>
    public int QueueBatches { get; set; } = 64;

    /// <summary>Most events the store commits in one transaction (several batches share one fsync).</summary>
    public int MaxEventsPerCommit { get; set; } = 50_000;

    /// <summary>How long an ingest request waits for room in the first stage before it is answered 503.</summary>
    public int EnqueueWaitMilliseconds { get; set; } = 2_000;
}
