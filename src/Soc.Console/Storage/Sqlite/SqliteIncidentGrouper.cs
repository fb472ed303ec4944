using System.Text.Json;
using Microsoft.Data.Sqlite;
using Soc.Console.Incidents;
using Soc.Detection.Engine;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// Inside one write transaction: deduplicates alerts by fingerprint and groups them into incidents by
/// rule and entity within the look-back; a closed incident is reopened or followed by a linked one, by policy.
/// A flood (one brute-force source, thousands of alerts in a commit) costs one row update per alert and
/// incident, not one per alert: fingerprints met in this transaction are remembered, and the count and
/// time bumps are summed and written by <see cref="Flush"/> (incident bumps also before any look-up that
/// reads last_seen, so grouping decisions see them).
/// </summary>
internal sealed class SqliteIncidentGrouper(SqliteConnection connection, SqliteTransaction transaction, IncidentPolicy policy) : IDisposable
{
    // Fingerprint → its alert row and open incident, for alerts met in this transaction. Only open
    // incidents are remembered; nothing closes one inside the transaction, so an entry stays true.
    private readonly Dictionary<string, (long AlertId, long IncidentId)> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<long, AlertBump> _alertBumps = [];
    private readonly Dictionary<long, IncidentBump> _incidentBumps = [];

    private readonly SqliteCommand _findAlert = Prepare(connection, transaction, """
        SELECT a.id, a.incident_id, i.status FROM alerts a JOIN incidents i ON i.id = a.incident_id
        WHERE a.fingerprint = $fp ORDER BY a.id DESC LIMIT 1
        """, "$fp");

    private readonly SqliteCommand _bumpAlert = Prepare(connection, transaction,
        "UPDATE alerts SET count = count + $n, last_seen = max(last_seen, $ts), event_id = coalesce($event, event_id) WHERE id = $id", "$n", "$ts", "$event", "$id");

    private readonly SqliteCommand _bumpIncident = Prepare(connection, transaction, """
        UPDATE incidents SET alert_count = alert_count + $n, last_seen = max(last_seen, $last), first_seen = min(first_seen, $first),
            version = version + 1 WHERE id = $id
        """, "$n", "$first", "$last", "$id");

    private readonly SqliteCommand _findIncident = Prepare(connection, transaction, """
        SELECT id, status FROM incidents
        WHERE agency_id = $agency AND rule_id = $rule AND entity IS $entity AND host IS $host AND last_seen >= $since
        ORDER BY last_seen DESC, id DESC LIMIT 1
        """, "$agency", "$rule", "$entity", "$host", "$since");

    private readonly SqliteCommand _insertAlert = Prepare(connection, transaction, """
        INSERT INTO alerts(incident_id, agency_id, rule_id, rule_title, level, author, tags, matched, ts, event_id, host, fingerprint, count, last_seen)
        VALUES ($incident, $agency, $rule, $title, $level, $author, $tags, $matched, $ts, $event, $host, $fp, 1, $ts)
        RETURNING id
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
        var fingerprintSeen = false;
        if (_known.TryGetValue(fingerprint, out var known))
        {
            (alertId, incidentId) = known;
            BumpIncident(incidentId, ts);
        }
        else
        {
            _findAlert.Parameters["$fp"].Value = fingerprint;
            using var r = _findAlert.ExecuteReader();
            if (r.Read())
            {
                fingerprintSeen = true;
                if (r.GetString(2) != IncidentStatuses.Closed)
                {
                    alertId = r.GetInt64(0);
                    incidentId = r.GetInt64(1);
                    BumpIncident(incidentId, ts);
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

        if (alertId is long existing)
        {
            _alertBumps[existing] = _alertBumps.TryGetValue(existing, out var bump) ? bump.Add(ts, eventId) : new AlertBump(1, ts, eventId);
        }
        else
        {
            alertId = InsertAlert(agencyId, incidentId, alert, fingerprint, ts, eventId);
        }

        _known[fingerprint] = (alertId.Value, incidentId);
        foreach (var id in alert.EventIds)
        {
            _linkEvent.Parameters["$incident"].Value = incidentId;
            _linkEvent.Parameters["$event"].Value = id;
            _linkEvent.ExecuteNonQuery();
        }
    }

    /// <summary>Writes the summed count and time bumps; call before the transaction commits.</summary>
    public void Flush()
    {
        FlushIncidentBumps();
        foreach (var (id, bump) in _alertBumps)
        {
            _bumpAlert.Parameters["$n"].Value = bump.Count;
            _bumpAlert.Parameters["$ts"].Value = bump.LastSeen;
            _bumpAlert.Parameters["$event"].Value = (object?)bump.EventId ?? DBNull.Value;
            _bumpAlert.Parameters["$id"].Value = id;
            _bumpAlert.ExecuteNonQuery();
        }

        _alertBumps.Clear();
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
        FlushIncidentBumps(); // the look-up below reads last_seen
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
                    BumpIncident(id, ts);
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

    private long InsertAlert(string agencyId, long incidentId, Alert alert, string fingerprint, long ts, string? eventId)
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
        return (long)insert.ExecuteScalar()!;
    }

    private static void Set(SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    private void BumpIncident(long id, long ts) =>
        _incidentBumps[id] = _incidentBumps.TryGetValue(id, out var bump) ? bump.Add(ts) : new IncidentBump(1, ts, ts);

    private void FlushIncidentBumps()
    {
        foreach (var (id, bump) in _incidentBumps)
        {
            _bumpIncident.Parameters["$n"].Value = bump.Count;
            _bumpIncident.Parameters["$first"].Value = bump.FirstSeen;
            _bumpIncident.Parameters["$last"].Value = bump.LastSeen;
            _bumpIncident.Parameters["$id"].Value = id;
            _bumpIncident.ExecuteNonQuery();
        }

        _incidentBumps.Clear();
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

    private readonly record struct AlertBump(int Count, long LastSeen, string? EventId)
    {
        public AlertBump Add(long ts, string? eventId) => new(Count + 1, Math.Max(LastSeen, ts), eventId ?? EventId);
    }

    private readonly record struct IncidentBump(int Count, long FirstSeen, long LastSeen)
    {
        public IncidentBump Add(long ts) => new(Count + 1, Math.Min(FirstSeen, ts), Math.Max(LastSeen, ts));
    }
}
