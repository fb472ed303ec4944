using Soc.Console.Pipeline;

namespace Soc.Console.Storage;

/// <summary>One ingest batch after detection: the agency its key belongs to and its events with their alerts.</summary>
public sealed record EventBatch(string AgencyId, IReadOnlyList<ProcessedEvent> Events)
{
    /// <summary>What <see cref="ISocStore.Prepare"/> made of this batch ahead of the commit (the store's own type), or null.</summary>
    public object? Prepared { get; init; }
}
