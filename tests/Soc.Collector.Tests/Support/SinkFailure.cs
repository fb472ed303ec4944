namespace Soc.Collector.Tests.Support;

/// <summary>What <see cref="IngestSink"/> does to a request instead of (or after) storing it.</summary>
public enum SinkFailure
{
    None,

    /// <summary>Stores the batch, then drops the connection: the collector never learns it was stored.</summary>
    DropAnswerAfterStoring,
    TooManyRequests,
    ServerError,
    TooLarge,
    BadRequest,
    Unauthorized,
}
