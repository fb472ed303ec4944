using Microsoft.Data.Sqlite;
using Soc.Console.Incidents;
using Soc.Console.Pipeline;
using Soc.Detection.Events;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    // Reused across commits on the writer connection (only touched under the write lock).
    private EventInsert? _insertEvent;

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
        EventRow[][] rows;
        try
        {
            rows = ToRows(batches);
        }
        catch (InvalidOperationException ex)
        {
            return Task.FromException<IReadOnlyList<IngestResult>>(ex);
        }

        return WriteAsync<IReadOnlyList<IngestResult>>((c, t) =>
        {
            var insert = _insertEvent ??= new EventInsert(c);
            var grouper = new SqliteIncidentGrouper(c, t, policy);
            var results = new List<IngestResult>(batches.Count);
            for (var b = 0; b < batches.Count; b++)
            {
                var batch = batches[b];
                var batchRows = rows[b];
                var agency = System.Text.Encoding.UTF8.GetBytes(batch.AgencyId);
                int stored = 0, duplicates = 0, alerts = 0;
                for (var i = 0; i < batchRows.Length; i++)
                {
                    if (!insert.Run(agency, batchRows[i]))
                    {
                        duplicates++;
                        continue;
                    }

                    stored++;
                    foreach (var alert in batch.Events[i].Alerts)
                    {
                        grouper.Add(batch.AgencyId, alert);
                        alerts++;
                    }
                }

                results.Add(new IngestResult(batch.Events.Count, stored, duplicates, alerts));
            }

            grouper.Flush();
            grouper.Dispose();
            return results;
        }, cancellationToken);
    }

    /// <summary>
    /// The store's part of a batch that needs no write lock: each event's columns and fields JSON as UTF-8.
    /// The pipeline calls it from the detect stage, so the single writer only binds and steps; a batch
    /// that was not prepared is prepared in <see cref="AppendAsync"/>.
    /// </summary>
    public object? Prepare(EventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var events = batch.Events;
        var rows = new EventRow[events.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = EventRow.From(events[i].Event);
        }

        return rows;
    }

    private EventRow[][] ToRows(IReadOnlyList<EventBatch> batches)
    {
        var rows = new EventRow[batches.Count][];
        try
        {
            Parallel.For(0, batches.Count, b => rows[b] = batches[b].Prepared as EventRow[] ?? (EventRow[])Prepare(batches[b])!);
        }
        catch (AggregateException ex) when (ex.InnerException is InvalidOperationException inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
        }

        return rows;
    }

    private void DisposeIngestStatements()
    {
        _insertEvent?.Dispose();
        _insertEvent = null;
    }

    /// <summary>One event as its columns, UTF-8 encoded (null where absent), ready to bind.</summary>
    internal sealed record EventRow(byte[] Id, long Timestamp, byte[]? Dataset, byte[]? Host, byte[]? Message, byte[]? Original, byte[] Fields, byte[]? SourceIp)
    {
        public static EventRow From(LogEvent ev) => new(
            Utf8(ev.GetString(EcsFields.EventId)) ?? throw new InvalidOperationException("event without event.id"),
            ev.Timestamp.ToUnixTimeMilliseconds(),
            Utf8(ev.GetString(EcsFields.EventDataset)),
            Utf8(ev.GetString(EcsFields.HostName)),
            Utf8(ev.Message),
            Utf8(ev.GetString(EcsFields.EventOriginal)),
            // message and event.original have columns; not repeating them in the JSON halves what is written.
            EventJson.SerializeUtf8(ev, EcsFields.Message, EcsFields.EventOriginal),
            Utf8(SourceIpValue(ev))); // also in the JSON: the column is for its index (SqliteStore.SourceIp.cs)

        private static byte[]? Utf8(string? value) => value is null ? null : System.Text.Encoding.UTF8.GetBytes(value);
    }

    public Task<long> PurgeEventsAsync(string agencyId, DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        WriteAsync((c, t) =>
        {
            IndexAllText(c, t); // the delete trigger removes index entries: every row it meets must have them
            // A range of the (agency_id, tkey) index. Keys sort by time, except events past 2 million in one
            // millisecond (keyed after everything, SqliteStore.TimeKey.cs), which stay until a key range reaches them.
            using var delete = Command(c, t, "DELETE FROM events WHERE agency_id = $agency AND tkey < $cutoffKey AND ts < $cutoff");
            delete.Parameters.AddWithValue("$agency", agencyId);
            delete.Parameters.AddWithValue("$cutoffKey", TimeKey(olderThan.ToUnixTimeMilliseconds()));
            delete.Parameters.AddWithValue("$cutoff", olderThan.ToUnixTimeMilliseconds());
            return (long)delete.ExecuteNonQuery();
        }, cancellationToken);
}
