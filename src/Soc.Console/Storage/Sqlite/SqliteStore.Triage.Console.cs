using System.Globalization;
using Microsoft.Data.Sqlite;
using Soc.Console.Web.Data;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private const string RowColumns = """
        SELECT i.id, i.agency_id, i.rule_id, i.title, i.severity, i.status, i.host, i.entity, i.first_seen, i.last_seen, i.alert_count,
               s.assignee, s.category, s.closing_reason, s.acknowledged, s.closed
        FROM incidents i LEFT JOIN console_incident_state s ON s.incident_id = i.id
        """;

    private const string SeverityRank = "CASE i.severity WHEN 'critical' THEN 5 WHEN 'high' THEN 4 WHEN 'medium' THEN 3 WHEN 'low' THEN 2 ELSE 1 END";

    /// <summary>
    /// One page of the queue. <paramref name="agencyScope"/> null means every agency; otherwise only those
    /// agencies' incidents are read — isolation lives in the query, for the page, the API and exports alike.
    /// </summary>
    public IncidentPage QueryIncidents(IReadOnlyList<string>? agencyScope, IncidentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var c = OpenConsole();
        using var q = Command(c, null, "");
        var where = IncidentConditions(q, agencyScope, filter);
        var statusWhere = new List<string>(where);
        if (filter.Statuses.Count == 0)
        {
            statusWhere.Add("i.status <> 'closed'");
        }
        else
        {
            var names = new List<string>();
            for (var i = 0; i < filter.Statuses.Count; i++)
            {
                names.Add("$st" + i);
                q.Parameters.AddWithValue("$st" + i, filter.Statuses[i]);
            }

            statusWhere.Add($"i.status IN ({string.Join(',', names)})");
        }

        var order = filter.Sort switch
        {
            "first_seen" => "i.first_seen",
            "severity" => SeverityRank,
            "alerts" => "i.alert_count",
            "id" => "i.id",
            _ => "i.last_seen",
        };
        var direction = filter.Descending ? "DESC" : "ASC";
        var pageSize = Math.Clamp(filter.PageSize, 1, 500);
        q.CommandText = RowColumns + Where(statusWhere) + $" ORDER BY {order} {direction}, i.id {direction} LIMIT $limit OFFSET $offset";
        q.Parameters.AddWithValue("$limit", pageSize);
        q.Parameters.AddWithValue("$offset", (Math.Max(filter.Page, 1) - 1) * pageSize);
        var rows = new List<IncidentRow>();
        using (var r = q.ExecuteReader())
        {
            while (r.Read())
            {
                rows.Add(ReadRow(r));
            }
        }

        q.CommandText = "SELECT count(*) FROM incidents i LEFT JOIN console_incident_state s ON s.incident_id = i.id" + Where(statusWhere);
        var total = Convert.ToInt32(q.ExecuteScalar(), CultureInfo.InvariantCulture);
        q.CommandText = "SELECT i.status, count(*) FROM incidents i LEFT JOIN console_incident_state s ON s.incident_id = i.id" + Where(where) + " GROUP BY i.status";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var r = q.ExecuteReader())
        {
            while (r.Read())
            {
                counts[r.GetString(0)] = r.GetInt32(1);
            }
        }

        return new IncidentPage(rows, total, counts);
    }

    /// <summary>The incident with its triage state, or null when absent or outside <paramref name="agencyScope"/> (the two look the same).</summary>
    public IncidentRow? FindIncidentRow(long id, IReadOnlyList<string>? agencyScope)
    {
        using var c = OpenConsole();
        using var q = Command(c, null, RowColumns + " WHERE i.id = $id");
        q.Parameters.AddWithValue("$id", id);
        using var r = q.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var row = ReadRow(r);
        return agencyScope is null || agencyScope.Contains(row.Incident.AgencyId) ? row : null;
    }

    public IReadOnlyList<IncidentNote> NotesFor(long incidentId)
    {
        using var c = OpenConsole();
        using var q = Command(c, null, "SELECT id, incident_id, author, ts, text FROM console_notes WHERE incident_id = $id ORDER BY ts, id");
        q.Parameters.AddWithValue("$id", incidentId);
        using var r = q.ExecuteReader();
        var list = new List<IncidentNote>();
        while (r.Read())
        {
            list.Add(new IncidentNote(r.GetInt64(0), r.GetInt64(1), r.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)), r.GetString(4)));
        }

        return list;
    }

    /// <summary>Distinct values for the queue's filter lists, within the scope.</summary>
    public IReadOnlyList<string> DistinctIncidentValues(IReadOnlyList<string>? agencyScope, string column)
    {
        var expression = column switch
        {
            "rule" => "i.rule_id",
            "agency" => "i.agency_id",
            "assignee" => "s.assignee",
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
        using var c = OpenConsole();
        using var q = Command(c, null, "");
        var where = IncidentConditions(q, agencyScope, new IncidentFilter());
        where.Add(expression + " IS NOT NULL");
        q.CommandText = $"SELECT DISTINCT {expression} FROM incidents i LEFT JOIN console_incident_state s ON s.incident_id = i.id{Where(where)} ORDER BY 1 LIMIT 500";
        using var r = q.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    private static List<string> IncidentConditions(SqliteCommand q, IReadOnlyList<string>? agencyScope, IncidentFilter filter)
    {
        var where = new List<string>();
        if (agencyScope is not null)
        {
            var names = new List<string>();
            for (var i = 0; i < agencyScope.Count; i++)
            {
                names.Add("$a" + i);
                q.Parameters.AddWithValue("$a" + i, agencyScope[i]);
            }

            where.Add(names.Count == 0 ? "0" : $"i.agency_id IN ({string.Join(',', names)})");
        }

        void Equal(string? value, string expression, string name)
        {
            if (!string.IsNullOrEmpty(value))
            {
                where.Add($"{expression} = {name}");
                q.Parameters.AddWithValue(name, value);
            }
        }

        Equal(filter.Severity, "i.severity", "$severity");
        Equal(filter.AgencyId, "i.agency_id", "$agency");
        Equal(filter.RuleId, "i.rule_id", "$rule");
        Equal(filter.Category, "s.category", "$category");
        if (filter.Assignee == "-")
        {
            where.Add("s.assignee IS NULL");
        }
        else
        {
            Equal(filter.Assignee, "s.assignee", "$assignee");
        }

        if (filter.From is { } from)
        {
            where.Add("i.last_seen >= $from");
            q.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (filter.To is { } to)
        {
            where.Add("i.first_seen <= $to");
            q.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        return where;
    }

    private static string Where(List<string> conditions) => conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : "";

    private static IncidentRow ReadRow(SqliteDataReader r) => new(
        ReadIncident(r),
        new IncidentState(NullableString(r, 11), NullableString(r, 12), NullableString(r, 13), NullableTime(r, 14), NullableTime(r, 15)));
}
