using Soc.Console.Incidents;
using Soc.Console.Pipeline;

namespace Soc.Console.Storage;

/// <summary>
/// The storage contract: events, alerts, incidents and the audit trail. Two implementations — the embedded
/// SQLite store and the Elasticsearch store — pass the same contract test suite
/// (tests/Soc.Console.Tests/Storage/StoreContractTests.cs). Every read takes an agency scope: isolation
/// between agencies is enforced in the query, not only in the UI.
/// </summary>
public interface ISocStore
{
    /// <summary>
    /// Stores batches of processed events create-if-absent on the record id, groups their alerts into
    /// incidents, and returns one result per batch only after everything is durable (the caller acknowledges).
    /// </summary>
    Task<IReadOnlyList<IngestResult>> AppendAsync(IReadOnlyList<EventBatch> batches, IncidentPolicy policy, CancellationToken cancellationToken);

    /// <summary>
    /// Work on a batch that needs no write lock (encoding rows), done ahead of <see cref="AppendAsync"/> on
    /// the caller's thread and handed back through <see cref="EventBatch.Prepared"/>; null when the store has none.
    /// </summary>
    object? Prepare(EventBatch batch) => null;

    /// <summary>Events matching the query, newest first, one page at a time (<see cref="EventPage.Cursor"/>).</summary>
    Task<EventPage> SearchEventsAsync(EventQuery query, CancellationToken cancellationToken);

    Task<long> CountEventsAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>Events by record id, within the scope.</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsAsync(IReadOnlyList<string> ids, IReadOnlyList<string>? agencyScope, CancellationToken cancellationToken);

    Task<IReadOnlyList<Incident>> ListIncidentsAsync(IncidentFilter filter, CancellationToken cancellationToken);

    Task<Incident?> GetIncidentAsync(long id, IReadOnlyList<string>? agencyScope, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredAlert>> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken);

    /// <summary>Record ids of the raw events behind an incident's alerts.</summary>
    Task<IReadOnlyList<string>> IncidentEventIdsAsync(long incidentId, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<IncidentNote>> NotesAsync(long incidentId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a change if the incident is still at <paramref name="expectedVersion"/> (optimistic
    /// concurrency: two analysts cannot silently overwrite each other). The caller validates the change.
    /// </summary>
    Task<IncidentUpdateResult> UpdateIncidentAsync(long id, long expectedVersion, IncidentChange change, string actor, CancellationToken cancellationToken);

    /// <summary>Appends to the audit trail; each entry carries the SHA-256 of the one before it.</summary>
    Task<AuditEntry> AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string? subject, int limit, CancellationToken cancellationToken);

    /// <summary>Recomputes the hash chain from the first entry; names the first entry that does not fit.</summary>
    Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken);

    /// <summary>Deletes one agency's events older than the cutoff (retention); returns how many.</summary>
    Task<long> PurgeEventsAsync(string agencyId, DateTimeOffset olderThan, CancellationToken cancellationToken);

    /// <summary>Whether the store answers, for /healthz.</summary>
    Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken);
}
