using Microsoft.Data.Sqlite;
using Soc.Console.Incidents;
using Soc.Console.Pipeline;
using Soc.Detection.Events;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    // Reused across commits on the writer connection (only touched under the write lock).
    private SqliteCommand? _insertEvent;

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
            var insert = _insertEvent ??= PrepareInsertEvent(c);
            insert.Transaction = t;
            var p = insert.Parameters;
            var grouper = new SqliteIncidentGrouper(c, t, policy);
            var results = new List<IngestResult>(batches.Count);
            for (var b = 0; b < batches.Count; b++)
            {
                var batch = batches[b];
                var batchRows = rows[b];
                int stored = 0, duplicates = 0, alerts = 0;
                p[1].Value = batch.AgencyId;
                for (var i = 0; i < batchRows.Length; i++)
                {
                    var row = batchRows[i];
                    p[0].Value = row.Id;
                    p[2].Value = row.Timestamp;
                    p[3].Value = row.Dataset;
                    p[4].Value = row.Host;
                    p[5].Value = row.Message;
                    p[6].Value = row.Original;
                    p[7].Value = row.Fields;
                    if (insert.ExecuteNonQuery() == 0)
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

            grouper.Dispose();
            return results;
        }, cancellationToken);
    }

    // Column values and the fields JSON are computed before the write lock, on every core: the single
    // writer then only binds and steps.
    private static EventRow[][] ToRows(IReadOnlyList<EventBatch> batches)
    {
        var rows = new EventRow[batches.Count][];
        try
        {
            Parallel.For(0, batches.Count, b =>
            {
                var events = batches[b].Events;
                var batchRows = new EventRow[events.Count];
                for (var i = 0; i < batchRows.Length; i++)
                {
                    batchRows[i] = EventRow.From(events[i].Event);
                }

                rows[b] = batchRows;
            });
        }
        catch (AggregateException ex) when (ex.InnerException is InvalidOperationException inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
        }

        return rows;
    }

    private static SqliteCommand PrepareInsertEvent(SqliteConnection connection)
    {
        var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO events(id, agency_id, ts, dataset, host, message, original, fields)
            VALUES ($id, $agency, $ts, $dataset, $host, $message, $original, CAST($fields AS TEXT)) ON CONFLICT(id) DO NOTHING
            """;
        insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.Add("$agency", SqliteType.Text);
        insert.Parameters.Add("$ts", SqliteType.Integer);
        insert.Parameters.Add("$dataset", SqliteType.Text);
        insert.Parameters.Add("$host", SqliteType.Text);
        insert.Parameters.Add("$message", SqliteType.Text);
        insert.Parameters.Add("$original", SqliteType.Text);
        // UTF-8 JSON bound as bytes and cast to TEXT in SQLite: no conversion to a .NET string and back.
        insert.Parameters.Add("$fields", SqliteType.Blob);
        insert.Prepare();
        return insert;
    }

    private void DisposeIngestStatements()
    {
        _insertEvent?.Dispose();
        _insertEvent = null;
    }

    /// <summary>One event as its columns (DBNull where absent), ready to bind.</summary>
    private readonly record struct EventRow(string Id, long Timestamp, object Dataset, object Host, object Message, object Original, byte[] Fields)
    {
        public static EventRow From(LogEvent ev) => new(
            ev.GetString(EcsFields.EventId) ?? throw new InvalidOperationException("event without event.id"),
            ev.Timestamp.ToUnixTimeMilliseconds(),
            (object?)ev.GetString(EcsFields.EventDataset) ?? DBNull.Value,
            (object?)ev.GetString(EcsFields.HostName) ?? DBNull.Value,
            (object?)ev.Message ?? DBNull.Value,
            (object?)ev.GetString(EcsFields.EventOriginal) ?? DBNull.Value,
            // message and event.original have columns; not repeating them in the JSON halves what is written.
            EventJson.SerializeUtf8(ev, EcsFields.Message, EcsFields.EventOriginal));
    }

    public Task<long> PurgeEventsAsync(string agencyId, DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        WriteAsync((c, t) =>
        {
            IndexAllText(c, t); // the delete trigger removes index entries: every row it meets must have them
            using var delete = Command(c, t, "DELETE FROM events WHERE agency_id = $agency AND ts < $cutoff");
            delete.Parameters.AddWithValue("$agency", agencyId);
            delete.Parameters.AddWithValue("$cutoff", olderThan.ToUnixTimeMilliseconds());
            return (long)delete.ExecuteNonQuery();
        }, cancellationToken);
}
