using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>
    /// Incidents newest first. <paramref name="agencyScope"/> null means every agency; otherwise only
    /// incidents of those agencies — isolation is enforced here, in the query, not only in the UI.
    /// </summary>
    public IReadOnlyList<Incident> ListIncidents(IReadOnlyList<string>? agencyScope, string? status, int limit, int offset = 0)
    {
        using var c = Open();
        using var q = Command(c, null, "");
        var where = new List<string>();
        if (agencyScope is not null)
        {
            var names = new List<string>();
            for (var i = 0; i < agencyScope.Count; i++)
            {
                names.Add("$a" + i);
                q.Parameters.AddWithValue("$a" + i, agencyScope[i]);
            }

            where.Add(names.Count == 0 ? "0" : $"agency_id IN ({string.Join(',', names)})");
        }

        if (status is not null)
        {
            where.Add("status = $status");
            q.Parameters.AddWithValue("$status", status);
        }

        q.CommandText = IncidentColumns + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") +
            " ORDER BY last_seen DESC, id DESC LIMIT $limit OFFSET $offset";
        q.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 1000));
        q.Parameters.AddWithValue("$offset", Math.Max(offset, 0));
        using var r = q.ExecuteReader();
        var list = new List<Incident>();
        while (r.Read())
        {
            list.Add(ReadIncident(r));
        }

        return list;
    }

    public Incident? FindIncident(long id)
    {
        using var c = Open();
        using var q = Command(c, null, IncidentColumns + " WHERE id = $id");
        q.Parameters.AddWithValue("$id", id);
        using var r = q.ExecuteReader();
        return r.Read() ? ReadIncident(r) : null;
    }

    public IReadOnlyList<StoredAlert> AlertsForIncident(long incidentId, int limit = 200)
    {
        using var c = Open();
        using var q = Command(c, null, """
            SELECT a.id, a.incident_id, a.rule_id, a.rule_title, a.level, a.author, a.tags, a.matched, a.ts, a.event_id, a.host, e.message
            FROM alerts a LEFT JOIN events e ON e.id = a.event_id
            WHERE a.incident_id = $id ORDER BY a.ts DESC, a.id DESC LIMIT $limit
            """);
        q.Parameters.AddWithValue("$id", incidentId);
        q.Parameters.AddWithValue("$limit", limit);
        using var r = q.ExecuteReader();
        var list = new List<StoredAlert>();
        while (r.Read())
        {
            list.Add(new StoredAlert(
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
                r.IsDBNull(11) ? null : r.GetString(11)));
        }

        return list;
    }

    public long CountEvents()
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT count(*) FROM events");
        return (long)q.ExecuteScalar()!;
    }

    private const string IncidentColumns =
        "SELECT id, agency_id, rule_id, title, severity, status, host, entity, first_seen, last_seen, alert_count FROM incidents";

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
        r.GetInt32(10));
}
