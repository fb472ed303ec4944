using Soc.Console.Pipeline;

namespace Soc.Console.Storage;

/// <summary>One ingest batch after detection: the agency its key belongs to and its events with their alerts.</summary>
public sealed record EventBatch(string AgencyId, IReadOnlyList<ProcessedEvent> Events);
