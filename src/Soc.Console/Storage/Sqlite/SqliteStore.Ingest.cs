using System.Text.Json;
using Microsoft.Data.Sqlite;
using Soc.Console.Pipeline;
using Soc.Detection.Engine;
using Soc.Detection.Events;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>
    /// Stores a batch in one transaction: each event create-if-absent on its record id (a re-sent batch
    /// is stored once and raises no second alert), then its alerts, grouped into incidents.
    /// Returns only after the transaction is committed (synchronous=FULL), so the caller may acknowledge.
    /// </summary>
    public Task<IngestResult> StoreBatchAsync(string agencyId, IReadOnlyList<ProcessedEvent> batch, TimeSpan incidentLookback, CancellationToken cancellationToken) =>
        WriteAsync((c, t) =>
        {
            int stored = 0, duplicates = 0, alerts = 0;
            using var insert = Command(c, t, """
                INSERT INTO events(id, agency_id, ts, dataset, host, message, original, fields)
                VALUES ($id, $agency, $ts, $dataset, $host, $message, $original, $fields) ON CONFLICT(id) DO NOTHING
                """);
            var pId = insert.Parameters.Add("$id", SqliteType.Text);
            var pTs = insert.Parameters.Add("$ts", SqliteType.Integer);
            var pDataset = insert.Parameters.Add("$dataset", SqliteType.Text);
            var pHost = insert.Parameters.Add("$host", SqliteType.Text);
            var pMessage = insert.Parameters.Add("$message", SqliteType.Text);
            var pOriginal = insert.Parameters.Add("$original", SqliteType.Text);
            var pFields = insert.Parameters.Add("$fields", SqliteType.Text);
            insert.Parameters.AddWithValue("$agency", agencyId);
            foreach (var item in batch)
            {
                var ev = item.Event;
                pId.Value = ev.GetString(EcsFields.EventId) ?? throw new InvalidOperationException("event without event.id");
                pTs.Value = ev.Timestamp.ToUnixTimeMilliseconds();
                pDataset.Value = (object?)ev.GetString(EcsFields.EventDataset) ?? DBNull.Value;
                pHost.Value = (object?)ev.GetString(EcsFields.HostName) ?? DBNull.Value;
                pMessage.Value = (object?)ev.Message ?? DBNull.Value;
                pOriginal.Value = (object?)ev.GetString(EcsFields.EventOriginal) ?? DBNull.Value;
                pFields.Value = EventJson.Serialize(ev);
                if (insert.ExecuteNonQuery() == 0)
                {
                    duplicates++;
                    continue;
                }

                stored++;
                foreach (var alert in item.Alerts)
                {
                    var incidentId = GroupIntoIncident(c, t, agencyId, alert, incidentLookback);
                    InsertAlert(c, t, agencyId, incidentId, alert);
                    alerts++;
                }
            }

            return new IngestResult(batch.Count, stored, duplicates, alerts);
        }, cancellationToken);

    /// <summary>The entity an incident is about: the attacker's address if known, else the user, else the host.</summary>
    internal static string? EntityOf(Alert alert) =>
        alert.Event?.GetString(EcsFields.SourceIp) ?? alert.Event?.GetString(EcsFields.UserName) ?? alert.Event?.GetString(EcsFields.HostName);

    private static long GroupIntoIncident(SqliteConnection c, SqliteTransaction t, string agencyId, Alert alert, TimeSpan lookback)
    {
        var host = alert.Event?.GetString(EcsFields.HostName);
        var entity = EntityOf(alert);
        var ts = alert.Timestamp.ToUnixTimeMilliseconds();
        using (var find = Command(c, t, """
            SELECT id FROM incidents
            WHERE agency_id = $agency AND rule_id = $rule AND host IS $host AND entity IS $entity
              AND status <> 'closed' AND last_seen >= $since
            ORDER BY last_seen DESC LIMIT 1
            """))
        {
            find.Parameters.AddWithValue("$agency", agencyId);
            find.Parameters.AddWithValue("$rule", alert.RuleId);
            find.Parameters.AddWithValue("$host", (object?)host ?? DBNull.Value);
            find.Parameters.AddWithValue("$entity", (object?)entity ?? DBNull.Value);
            find.Parameters.AddWithValue("$since", ts - (long)lookback.TotalMilliseconds);
            if (find.ExecuteScalar() is long existing)
            {
                using var update = Command(c, t, """
                    UPDATE incidents SET alert_count = alert_count + 1, last_seen = max(last_seen, $ts),
                        first_seen = min(first_seen, $ts), version = version + 1 WHERE id = $id
                    """);
                update.Parameters.AddWithValue("$ts", ts);
                update.Parameters.AddWithValue("$id", existing);
                update.ExecuteNonQuery();
                return existing;
            }
        }

        using var insert = Command(c, t, """
            INSERT INTO incidents(agency_id, rule_id, title, severity, status, host, entity, first_seen, last_seen, alert_count, created)
            VALUES ($agency, $rule, $title, $severity, 'new', $host, $entity, $ts, $ts, 1, $now) RETURNING id
            """);
        insert.Parameters.AddWithValue("$agency", agencyId);
        insert.Parameters.AddWithValue("$rule", alert.RuleId);
        insert.Parameters.AddWithValue("$title", alert.RuleTitle);
        insert.Parameters.AddWithValue("$severity", alert.Level);
        insert.Parameters.AddWithValue("$host", (object?)host ?? DBNull.Value);
        insert.Parameters.AddWithValue("$entity", (object?)entity ?? DBNull.Value);
        insert.Parameters.AddWithValue("$ts", ts);
        insert.Parameters.AddWithValue("$now", Now());
        return (long)insert.ExecuteScalar()!;
    }

    private static void InsertAlert(SqliteConnection c, SqliteTransaction t, string agencyId, long incidentId, Alert alert)
    {
        using var insert = Command(c, t, """
            INSERT INTO alerts(incident_id, agency_id, rule_id, rule_title, level, author, tags, matched, ts, event_id, host)
            VALUES ($incident, $agency, $rule, $title, $level, $author, $tags, $matched, $ts, $event, $host)
            """);
        insert.Parameters.AddWithValue("$incident", incidentId);
        insert.Parameters.AddWithValue("$agency", agencyId);
        insert.Parameters.AddWithValue("$rule", alert.RuleId);
        insert.Parameters.AddWithValue("$title", alert.RuleTitle);
        insert.Parameters.AddWithValue("$level", alert.Level);
        insert.Parameters.AddWithValue("$author", (object?)alert.Author ?? DBNull.Value);
        insert.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(alert.Tags));
        insert.Parameters.AddWithValue("$matched", JsonSerializer.Serialize(alert.MatchedFields));
        insert.Parameters.AddWithValue("$ts", alert.Timestamp.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$event", alert.EventIds.Count > 0 ? alert.EventIds[^1] : DBNull.Value);
        insert.Parameters.AddWithValue("$host", (object?)alert.Event?.GetString(EcsFields.HostName) ?? DBNull.Value);
        insert.ExecuteNonQuery();
    }
}
