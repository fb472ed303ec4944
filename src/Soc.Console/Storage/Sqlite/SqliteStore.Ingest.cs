using Microsoft.Data.Sqlite;
using Soc.Console.Incidents;
using Soc.Console.Pipeline;
using Soc.Detection.Events;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>
    /// Stores several batches in one transaction (group commit): each event create-if-absent on its record
    /// id (a re-sent batch is stored once and raises no second alert), then its alerts, deduplicated by
    /// fingerprint and grouped into incidents. Returns only after the commit (synchronous=FULL), so the
    /// caller may acknowledge every batch in it.
    /// </summary>
    public Task<IReadOnlyList<IngestResult>> AppendAsync(IReadOnlyList<EventBatch> batches, IncidentPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(policy);
        return WriteAsync<IReadOnlyList<IngestResult>>((c, t) =>
        {
            using var insert = Command(c, t, """
                INSERT INTO events(id, agency_id, ts, dataset, host, message, original, fields)
                VALUES ($id, $agency, $ts, $dataset, $host, $message, $original, $fields) ON CONFLICT(id) DO NOTHING
                """);
            var pId = insert.Parameters.Add("$id", SqliteType.Text);
            var pAgency = insert.Parameters.Add("$agency", SqliteType.Text);
            var pTs = insert.Parameters.Add("$ts", SqliteType.Integer);
            var pDataset = insert.Parameters.Add("$dataset", SqliteType.Text);
            var pHost = insert.Parameters.Add("$host", SqliteType.Text);
            var pMessage = insert.Parameters.Add("$message", SqliteType.Text);
            var pOriginal = insert.Parameters.Add("$original", SqliteType.Text);
            var pFields = insert.Parameters.Add("$fields", SqliteType.Text);
            insert.Prepare();
            var grouper = new SqliteIncidentGrouper(c, t, policy);
            var results = new List<IngestResult>(batches.Count);
            foreach (var batch in batches)
            {
                int stored = 0, duplicates = 0, alerts = 0;
                pAgency.Value = batch.AgencyId;
                foreach (var item in batch.Events)
                {
                    var ev = item.Event;
                    pId.Value = ev.GetString(EcsFields.EventId) ?? throw new InvalidOperationException("event without event.id");
                    pTs.Value = ev.Timestamp.ToUnixTimeMilliseconds();
                    pDataset.Value = (object?)ev.GetString(EcsFields.EventDataset) ?? DBNull.Value;
                    pHost.Value = (object?)ev.GetString(EcsFields.HostName) ?? DBNull.Value;
                    pMessage.Value = (object?)ev.Message ?? DBNull.Value;
                    pOriginal.Value = (object?)ev.GetString(EcsFields.EventOriginal) ?? DBNull.Value;
                    // message and event.original have columns; not repeating them in the JSON halves what is written.
                    pFields.Value = EventJson.Serialize(ev, EcsFields.Message, EcsFields.EventOriginal);
                    if (insert.ExecuteNonQuery() == 0)
                    {
                        duplicates++;
                        continue;
                    }

                    stored++;
                    foreach (var alert in item.Alerts)
                    {
                        grouper.Add(batch.AgencyId, alert);
                        alerts++;
                    }
                }

                results.Add(new IngestResult(batch.Events.Count, stored, duplicates, alerts));
            }

            grouper.Dispose();
            return results;
        }, cancellationToken);
    }

    /// <summary>One batch for one agency; the single-batch form of <see cref="AppendAsync"/>.</summary>
    public async Task<IngestResult> StoreBatchAsync(string agencyId, IReadOnlyList<ProcessedEvent> batch, IncidentPolicy policy, CancellationToken cancellationToken) =>
        (await AppendAsync([new EventBatch(agencyId, batch)], policy, cancellationToken).ConfigureAwait(false))[0];

    public Task<long> PurgeEventsAsync(string agencyId, DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        WriteAsync((c, t) =>
        {
            using var delete = Command(c, t, "DELETE FROM events WHERE agency_id = $agency AND ts < $cutoff");
            delete.Parameters.AddWithValue("$agency", agencyId);
            delete.Parameters.AddWithValue("$cutoff", olderThan.ToUnixTimeMilliseconds());
            return (long)delete.ExecuteNonQuery();
        }, cancellationToken);
}
