using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Soc.Console.Incidents;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private const string IncidentColumns = """
        SELECT id, agency_id, rule_id, title, severity, status, host, entity, first_seen, last_seen, alert_count, version,
            assignee, closing_reason, category, techniques, detected_at, acknowledged_at, closed_at, linked_incident_id, reopen_count
        FROM incidents
        """;

    private const string AlertColumns = """
        SELECT a.id, a.incident_id, a.rule_id, a.rule_title, a.level, a.author, a.tags, a.matched, a.ts, a.event_id, a.host,
            (SELECT e.message FROM events e WHERE e.id = a.event_id), a.agency_id, a.fingerprint, a.count, a.last_seen
        FROM alerts a
        """;

    public Task<IReadOnlyList<Incident>> ListIncidentsAsync(IncidentFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var c = Open();
        using var q = Command(c, null, "");
        var where = new List<string>();
        AddScope(q, where, "agency_id", filter.AgencyScope);
        AddEquals(q, where, "status", filter.Status);
        AddEquals(q, where, "severity", filter.Severity);
        AddEquals(q, where, "assignee", filter.Assignee);
        AddEquals(q, where, "rule_id", filter.RuleId);
        AddEquals(q, where, "category", filter.Category);
        q.CommandText = IncidentColumns + Where(where) + " ORDER BY " + IncidentOrder(filter.Sort) + " LIMIT $limit OFFSET $offset";
        q.Parameters.AddWithValue("$limit", Math.Clamp(filter.Limit, 1, 1000));
        q.Parameters.AddWithValue("$offset", Math.Max(filter.Offset, 0));
        return Task.FromResult<IReadOnlyList<Incident>>(ReadAll(q, ReadIncident));
    }

    public Task<Incident?> GetIncidentAsync(long id, IReadOnlyList<string>? agencyScope, CancellationToken cancellationToken)
    {
        var incident = FindIncident(id);
        return Task.FromResult(incident is not null && (agencyScope is null || agencyScope.Contains(incident.AgencyId)) ? incident : null);
    }

    public Task<IReadOnlyList<StoredAlert>> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var c = Open();
        using var q = Command(c, null, "");
        var where = new List<string>();
        AddScope(q, where, "a.agency_id", filter.AgencyScope);
        if (filter.IncidentId is long incident)
        {
            where.Add("a.incident_id = $incident");
            q.Parameters.AddWithValue("$incident", incident);
        }

        AddEquals(q, where, "a.rule_id", filter.RuleId);
        if (filter.From is DateTimeOffset from)
        {
            where.Add("a.ts >= $from");
            q.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (filter.To is DateTimeOffset to)
        {
            where.Add("a.ts <= $to");
            q.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        q.CommandText = AlertColumns + Where(where) + " ORDER BY a.ts DESC, a.id DESC LIMIT $limit OFFSET $offset";
        q.Parameters.AddWithValue("$limit", Math.Clamp(filter.Limit, 1, 1000));
        q.Parameters.AddWithValue("$offset", Math.Max(filter.Offset, 0));
        return Task.FromResult<IReadOnlyList<StoredAlert>>(ReadAll(q, ReadAlert));
    }

    public Task<IReadOnlyList<string>> IncidentEventIdsAsync(long incidentId, int limit, CancellationToken cancellationToken)
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT event_id FROM incident_events WHERE incident_id = $id LIMIT $limit");
        q.Parameters.AddWithValue("$id", incidentId);
        q.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 10_000));
        return Task.FromResult<IReadOnlyList<string>>(ReadAll(q, r => r.GetString(0)));
    }

    public Task<IReadOnlyList<IncidentNote>> NotesAsync(long incidentId, CancellationToken cancellationToken)
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT incident_id, author, ts, text FROM incident_notes WHERE incident_id = $id ORDER BY ts, id");
        q.Parameters.AddWithValue("$id", incidentId);
        return Task.FromResult<IReadOnlyList<IncidentNote>>(ReadAll(q, r => new IncidentNote(r.GetInt64(0), r.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)), r.GetString(3))));
    }

    /// <summary>Applies the change and its audit entries in one transaction, only at the expected version.</summary>
    public Task<IncidentUpdateResult> UpdateIncidentAsync(long id, long expectedVersion, IncidentChange change, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return WriteAsync((c, t) =>
        {
            var current = ReadIncidentIn(c, t, id);
            if (current is null)
            {
                return IncidentUpdateResult.NotFound;
            }

            if (current.Version != expectedVersion)
            {
                return IncidentUpdateResult.Conflict(current);
            }

            var now = DateTimeOffset.UtcNow;
            var nowMs = now.ToUnixTimeMilliseconds();
            var status = change.Status ?? current.Status;
            using (var update = Command(c, t, """
                UPDATE incidents SET status = $status, closing_reason = $reason, assignee = $assignee, severity = $severity, severity_rank = $rank,
                    category = $category, version = version + 1,
                    acknowledged_at = CASE WHEN $status <> 'new' THEN coalesce(acknowledged_at, $now) ELSE acknowledged_at END,
                    closed_at = CASE WHEN $status = 'closed' THEN coalesce(closed_at, $now) ELSE NULL END
                WHERE id = $id AND version = $version
                """))
            {
                update.Parameters.AddWithValue("$status", status);
                update.Parameters.AddWithValue("$reason", status == IncidentStatuses.Closed ? (object?)(change.ClosingReason ?? current.ClosingReason) ?? DBNull.Value : DBNull.Value);
                var assignee = change.Assignee is null ? current.Assignee : change.Assignee.Length == 0 ? null : change.Assignee;
                update.Parameters.AddWithValue("$assignee", (object?)assignee ?? DBNull.Value);
                update.Parameters.AddWithValue("$severity", change.Severity ?? current.Severity);
                update.Parameters.AddWithValue("$rank", Severities.Rank(change.Severity ?? current.Severity));
                update.Parameters.AddWithValue("$category", (object?)(change.Category ?? current.Category) ?? DBNull.Value);
                update.Parameters.AddWithValue("$now", nowMs);
                update.Parameters.AddWithValue("$id", id);
                update.Parameters.AddWithValue("$version", expectedVersion);
                update.ExecuteNonQuery();
            }

            if (change.Note is not null)
            {
                using var note = Command(c, t, "INSERT INTO incident_notes(incident_id, author, ts, text) VALUES ($id, $author, $ts, $text)");
                note.Parameters.AddWithValue("$id", id);
                note.Parameters.AddWithValue("$author", actor);
                note.Parameters.AddWithValue("$ts", nowMs);
                note.Parameters.AddWithValue("$text", change.Note);
                note.ExecuteNonQuery();
            }

            foreach (var (action, details) in IncidentAudit.Describe(current, change))
            {
                AppendAudit(c, t, new AuditRecord(actor, action, "incident:" + id.ToString(CultureInfo.InvariantCulture), details, now));
            }

            return IncidentUpdateResult.Updated(ReadIncidentIn(c, t, id)!);
        }, cancellationToken);
    }

    // Compatibility for the console pages and older tests; the API goes through the contract.
    public IReadOnlyList<Incident> ListIncidents(IReadOnlyList<string>? agencyScope, string? status, int limit, int offset = 0) =>
        ListIncidentsAsync(new IncidentFilter(agencyScope, status, Limit: limit, Offset: offset), CancellationToken.None).GetAwaiter().GetResult();

    public Incident? FindIncident(long id)
    {
        using var c = Open();
        return ReadIncidentIn(c, null, id);
    }

    public long CountEvents()
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT count(*) FROM events");
        return (long)q.ExecuteScalar()!;
    }

    private static string IncidentOrder(string? sort)
    {
        var descending = sort is null || !sort.StartsWith('+');
        var key = sort?.TrimStart('+', '-') switch
        {
            "first_seen" => "first_seen",
            // A stored rank (Severities.Rank) with an index, so the triage queue sorted by severity is an index walk.
            "severity" => "severity_rank",
            "alert_count" => "alert_count",
            "id" => "id",
            _ => "last_seen",
        };
        var direction = descending ? " DESC" : " ASC";
        return key == "severity_rank" ? $"severity_rank{direction}, last_seen{direction}, id{direction}" : key + direction + ", id" + direction;
    }

    private static Incident? ReadIncidentIn(SqliteConnection c, SqliteTransaction? t, long id)
    {
        using var q = Command(c, t, IncidentColumns + " WHERE id = $id");
        q.Parameters.AddWithValue("$id", id);
        using var r = q.ExecuteReader();
        return r.Read() ? ReadIncident(r) : null;
    }

    private static Incident ReadIncident(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(9)),
        r.GetInt32(10),
        r.GetInt64(11),
        r.IsDBNull(12) ? null : r.GetString(12),
        r.IsDBNull(13) ? null : r.GetString(13),
        r.IsDBNull(14) ? null : r.GetString(14),
        JsonSerializer.Deserialize<List<string>>(r.GetString(15)) ?? [],
        Time(r, 16),
        Time(r, 17),
        Time(r, 18),
        r.IsDBNull(19) ? null : r.GetInt64(19),
        r.GetInt32(20));

    private static StoredAlert ReadAlert(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        JsonSerializer.Deserialize<List<string>>(r.GetString(6)) ?? [],
        JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(7)) ?? [],
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)),
        r.IsDBNull(9) ? null : r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10),
        r.IsDBNull(11) ? null : r.GetString(11),
        r.GetString(12),
        r.GetString(13),
        r.GetInt32(14),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(15)));

    private static DateTimeOffset? Time(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(i));

    private static void AddScope(SqliteCommand q, List<string> where, string column, IReadOnlyList<string>? scope)
    {
        if (scope is null)
        {
            return;
        }

        var names = new List<string>(scope.Count);
        for (var i = 0; i < scope.Count; i++)
        {
            names.Add("$scope" + i.ToString(CultureInfo.InvariantCulture));
            q.Parameters.AddWithValue(names[^1], scope[i]);
        }

        where.Add(names.Count == 0 ? "0" : $"{column} IN ({string.Join(',', names)})");
    }

    private static void AddEquals(SqliteCommand q, List<string> where, string column, string? value)
    {
        if (value is null)
        {
            return;
        }

        var name = "$" + column.Replace('.', '_');
        where.Add($"{column} = {name}");
        q.Parameters.AddWithValue(name, value);
    }

    private static string Where(List<string> where) => where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "";

    private static List<T> ReadAll<T>(SqliteCommand q, Func<SqliteDataReader, T> read)
    {
        using var r = q.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(read(r));
        }

        return list;
    }
}
