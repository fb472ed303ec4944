using System.Text.Json;
using Microsoft.Data.Sqlite;
using Soc.Console.Incidents;
using Soc.Detection.Engine;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// Inside one write transaction: deduplicates alerts by fingerprint and groups them into incidents by
/// rule and entity within the look-back; a closed incident is reopened or followed by a linked one, by policy.
/// </summary>
internal sealed class SqliteIncidentGrouper(SqliteConnection connection, SqliteTransaction transaction, IncidentPolicy policy) : IDisposable
{
    private readonly SqliteCommand _findAlert = Prepare(connection, transaction, """
        SELECT a.id, a.incident_id, i.status FROM alerts a JOIN incidents i ON i.id = a.incident_id
        WHERE a.fingerprint = $fp ORDER BY a.id DESC LIMIT 1
        """, "$fp");

    private readonly SqliteCommand _bumpAlert = Prepare(connection, transaction,
        "UPDATE alerts SET count = count + 1, last_seen = max(last_seen, $ts), event_id = coalesce($event, event_id) WHERE id = $id", "$ts", "$event", "$id");

    private readonly SqliteCommand _bumpIncident = Prepare(connection, transaction, """
        UPDATE incidents SET alert_count = alert_count + 1, last_seen = max(last_seen, $ts), first_seen = min(first_seen, $ts),
            version = version + 1 WHERE id = $id
        """, "$ts", "$id");

    private readonly SqliteCommand _findIncident = Prepare(connection, transaction, """
        SELECT id, status FROM incidents
        WHERE agency_id = $agency AND rule_id = $rule AND entity IS $entity AND host IS $host AND last_seen >= $since
        ORDER BY last_seen DESC, id DESC LIMIT 1
        """, "$agency", "$rule", "$entity", "$host", "$since");

    private readonly SqliteCommand _insertAlert = Prepare(connection, transaction, """
        INSERT INTO alerts(incident_id, agency_id, rule_id, rule_title, level, author, tags, matched, ts, event_id, host, fingerprint, count, last_seen)
        VALUES ($incident, $agency, $rule, $title, $level, $author, $tags, $matched, $ts, $event, $host, $fp, 1, $ts)
        """, "$incident", "$agency", "$rule", "$title", "$level", "$author", "$tags", "$matched", "$ts", "$event", "$host", "$fp");

    private readonly SqliteCommand _insertIncident = Prepare(connection, transaction, """
        INSERT INTO incidents(agency_id, rule_id, title, severity, severity_rank, status, host, entity, first_seen, last_seen, alert_count, created,
            category, techniques, detected_at, linked_incident_id)
        VALUES ($agency, $rule, $title, $severity, $rank, 'new', $host, $entity, $ts, $ts, 1, $now, $category, $techniques, $detected, $linked)
        RETURNING id
        """, "$agency", "$rule", "$title", "$severity", "$rank", "$host", "$entity", "$ts", "$now", "$category", "$techniques", "$detected", "$linked");

    private readonly SqliteCommand _linkEvent = Prepare(connection, transaction,
        "INSERT INTO incident_events(incident_id, event_id) VALUES ($incident, $event) ON CONFLICT DO NOTHING", "$incident", "$event");

    public void Add(string agencyId, Alert alert)
    {
        var fingerprint = AlertFingerprint.Compute(agencyId, alert, policy.DedupeWindow);
        var ts = alert.Timestamp.ToUnixTimeMilliseconds();
        var eventId = alert.EventIds.Count > 0 ? alert.EventIds[^1] : null;
        long? alertId = null;
        long incidentId = 0;
        _findAlert.Parameters["$fp"].Value = fingerprint;
        var fingerprintSeen = false;
        using (var r = _findAlert.ExecuteReader())
        {
            if (r.Read())
            {
                fingerprintSeen = true;
                alertId = r.GetInt64(0);
                incidentId = r.GetInt64(1);
                if (r.GetString(2) == IncidentStatuses.Closed)
                {
                    alertId = null;
                }
            }
        }

        if (alertId is null)
        {
            (incidentId, var reopened) = FindOrOpenIncident(agencyId, alert, ts);
            if (reopened && fingerprintSeen)
            {
                // After a reopen the fingerprint's row belongs to this incident again.
                _findAlert.Parameters["$fp"].Value = fingerprint;
                using var r = _findAlert.ExecuteReader();
                if (r.Read() && r.GetInt64(1) == incidentId)
                {
                    alertId = r.GetInt64(0);
                }
            }
        }
        else
        {
            Bump(_bumpIncident, ts, incidentId);
        }

        if (alertId is long existing)
        {
            _bumpAlert.Parameters["$ts"].Value = ts;
            _bumpAlert.Parameters["$event"].Value = (object?)eventId ?? DBNull.Value;
            _bumpAlert.Parameters["$id"].Value = existing;
            _bumpAlert.ExecuteNonQuery();
        }
        else
        {
            InsertAlert(agencyId, incidentId, alert, fingerprint, ts, eventId);
        }

        foreach (var id in alert.EventIds)
        {
            _linkEvent.Parameters["$incident"].Value = incidentId;
            _linkEvent.Parameters["$event"].Value = id;
            _linkEvent.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        _findAlert.Dispose();
        _bumpAlert.Dispose();
        _bumpIncident.Dispose();
        _findIncident.Dispose();
        _linkEvent.Dispose();
        _insertAlert.Dispose();
        _insertIncident.Dispose();
    }

    // Returns the incident the alert belongs to, and whether it is a closed one this alert reopened.
    private (long Id, bool Reopened) FindOrOpenIncident(string agencyId, Alert alert, long ts)
    {
        var host = AlertFingerprint.HostOf(alert);
        var entity = AlertFingerprint.EntityOf(alert);
        _findIncident.Parameters["$agency"].Value = agencyId;
        _findIncident.Parameters["$rule"].Value = alert.RuleId;
        _findIncident.Parameters["$entity"].Value = (object?)entity ?? DBNull.Value;
        _findIncident.Parameters["$host"].Value = (object?)host ?? DBNull.Value;
        _findIncident.Parameters["$since"].Value = ts - (long)policy.Lookback.TotalMilliseconds;
        long? linked = null;
        using (var r = _findIncident.ExecuteReader())
        {
            if (r.Read())
            {
                var id = r.GetInt64(0);
                if (r.GetString(1) != IncidentStatuses.Closed)
                {
                    r.Close();
                    Bump(_bumpIncident, ts, id);
                    return (id, false);
                }

                linked = id;
            }
        }

        if (linked is long closed && policy.ReopenClosed)
        {
            using var reopen = Command("""
                UPDATE incidents SET status = 'new', closing_reason = NULL, closed_at = NULL, reopen_count = reopen_count + 1,
                    alert_count = alert_count + 1, last_seen = max(last_seen, $ts), version = version + 1 WHERE id = $id
                """);
            reopen.Parameters.AddWithValue("$ts", ts);
            reopen.Parameters.AddWithValue("$id", closed);
            reopen.ExecuteNonQuery();
            SqliteStore.AppendAudit(connection, transaction, new AuditRecord("system", "incident.reopened", "incident:" + closed, "new alert of rule " + alert.RuleId, DateTimeOffset.UtcNow));
            return (closed, true);
        }

        var insert = _insertIncident;
        Set(insert, "$agency", agencyId);
        Set(insert, "$rule", alert.RuleId);
        Set(insert, "$title", alert.RuleTitle);
        Set(insert, "$severity", alert.Level);
        Set(insert, "$rank", Severities.Rank(alert.Level));
        Set(insert, "$host", host);
        Set(insert, "$entity", entity);
        Set(insert, "$ts", ts);
        Set(insert, "$now", DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        Set(insert, "$category", NationalCategories.FromTags(alert.Tags));
        Set(insert, "$techniques", JsonSerializer.Serialize(NationalCategories.TechniquesFromTags(alert.Tags)));
        Set(insert, "$detected", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Set(insert, "$linked", linked);
        return ((long)insert.ExecuteScalar()!, false);
    }

    private void InsertAlert(string agencyId, long incidentId, Alert alert, string fingerprint, long ts, string? eventId)
    {
        var insert = _insertAlert;
        Set(insert, "$incident", incidentId);
        Set(insert, "$agency", agencyId);
        Set(insert, "$rule", alert.RuleId);
        Set(insert, "$title", alert.RuleTitle);
        Set(insert, "$level", alert.Level);
        Set(insert, "$author", alert.Author);
        Set(insert, "$tags", JsonSerializer.Serialize(alert.Tags));
        Set(insert, "$matched", JsonSerializer.Serialize(alert.MatchedFields));
        Set(insert, "$ts", ts);
        Set(insert, "$event", eventId);
        Set(insert, "$host", AlertFingerprint.HostOf(alert));
        Set(insert, "$fp", fingerprint);
        insert.ExecuteNonQuery();
    }

    private static void Set(SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    private static void Bump(SqliteCommand bump, long ts, long id)
    {
        bump.Parameters["$ts"].Value = ts;
        bump.Parameters["$id"].Value = id;
        bump.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
