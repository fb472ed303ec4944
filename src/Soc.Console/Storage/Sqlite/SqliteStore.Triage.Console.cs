using System.Globalization;
using Microsoft.Data.Sqlite;
using Soc.Console.Web.Data;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>
    /// One page of the console queue with what <see cref="ListIncidentsAsync"/> does not give: the total,
    /// counts per status, several statuses at once ("open" = all but closed), agency and time filters.
    /// <paramref name="agencyScope"/> null means every agency; otherwise only those agencies' incidents are
    /// read — isolation lives in the query. <paramref name="agencies"/> is the agency filter already widened to its subtree.
    /// </summary>
    public Task<QueuePage> QueryQueueAsync(IReadOnlyList<string>? agencyScope, IReadOnlyList<string>? agencies, QueueFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Task.FromResult(Queue(agencyScope, agencies, filter));
    }

    public Task<IReadOnlyList<(string Id, string Title)>> IncidentRulesAsync(IReadOnlyList<string>? agencyScope, CancellationToken cancellationToken) =>
        Task.FromResult(IncidentRules(agencyScope));

    public Task<IReadOnlyList<string>> DistinctIncidentValuesAsync(IReadOnlyList<string>? agencyScope, string field, CancellationToken cancellationToken) =>
        Task.FromResult(DistinctIncidentValues(agencyScope, field));

    private QueuePage Queue(IReadOnlyList<string>? agencyScope, IReadOnlyList<string>? agencies, QueueFilter filter)
    {
        using var c = Open();
        using var q = Command(c, null, "");
        var where = QueueConditions(q, agencyScope, filter);
        if (agencies is not null)
        {
            var names = new List<string>();
            for (var i = 0; i < agencies.Count; i++)
            {
                names.Add("$sub" + i);
                q.Parameters.AddWithValue("$sub" + i, agencies[i]);
            }

            where.Add(names.Count == 0 ? "0" : $"agency_id IN ({string.Join(',', names)})");
        }

        var statusWhere = new List<string>(where);
        if (filter.Statuses.Count == 0)
        {
            statusWhere.Add("status <> 'closed'");
        }
        else
        {
            var names = new List<string>();
            for (var i = 0; i < filter.Statuses.Count; i++)
            {
                names.Add("$st" + i);
                q.Parameters.AddWithValue("$st" + i, filter.Statuses[i]);
            }

            statusWhere.Add($"status IN ({string.Join(',', names)})");
        }

        var order = filter.Sort switch
        {
            "first_seen" => "first_seen",
            "severity" => "CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END",
            "alerts" => "alert_count",
            "id" => "id",
            _ => "last_seen",
        };
        var direction = filter.Descending ? "DESC" : "ASC";
        var pageSize = Math.Clamp(filter.PageSize, 1, 500);
        q.CommandText = IncidentColumns + QueueWhere(statusWhere) + $" ORDER BY {order} {direction}, id {direction} LIMIT $limit OFFSET $offset";
        q.Parameters.AddWithValue("$limit", pageSize);
        q.Parameters.AddWithValue("$offset", (Math.Max(filter.Page, 1) - 1) * pageSize);
        var rows = new List<Incident>();
        using (var r = q.ExecuteReader())
        {
            while (r.Read())
            {
                rows.Add(ReadIncident(r));
            }
        }

        q.CommandText = "SELECT count(*) FROM incidents" + QueueWhere(statusWhere);
        var total = Convert.ToInt32(q.ExecuteScalar(), CultureInfo.InvariantCulture);
        q.CommandText = "SELECT status, count(*) FROM incidents" + QueueWhere(where) + " GROUP BY status";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var r = q.ExecuteReader())
        {
            while (r.Read())
            {
                counts[r.GetString(0)] = r.GetInt32(1);
            }
        }

        return new QueuePage(rows, total, counts);
    }

    /// <summary>Rules that have incidents in scope, as (id, title), for the queue's rule filter.</summary>
    public IReadOnlyList<(string Id, string Title)> IncidentRules(IReadOnlyList<string>? agencyScope)
    {
        using var c = Open();
        using var q = Command(c, null, "");
        var where = QueueConditions(q, agencyScope, new QueueFilter());
        q.CommandText = $"SELECT rule_id, max(title) FROM incidents{QueueWhere(where)} GROUP BY rule_id ORDER BY 2 LIMIT 500";
        using var r = q.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetString(1)));
        }

        return list;
    }

    /// <summary>Distinct rule ids, agencies, assignees or categories of the incidents in scope, for the queue's filter lists.</summary>
    public IReadOnlyList<string> DistinctIncidentValues(IReadOnlyList<string>? agencyScope, string column)
    {
        var expression = column switch
        {
            "rule" => "rule_id",
            "agency" => "agency_id",
            "assignee" => "assignee",
            "category" => "category",
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
        using var c = Open();
        using var q = Command(c, null, "");
        var where = QueueConditions(q, agencyScope, new QueueFilter());
        where.Add(expression + " IS NOT NULL");
        q.CommandText = $"SELECT DISTINCT {expression} FROM incidents{QueueWhere(where)} ORDER BY 1 LIMIT 500";
        using var r = q.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    private static List<string> QueueConditions(SqliteCommand q, IReadOnlyList<string>? agencyScope, QueueFilter filter)
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

            where.Add(names.Count == 0 ? "0" : $"agency_id IN ({string.Join(',', names)})");
        }

        void Equal(string? value, string column, string name)
        {
            if (!string.IsNullOrEmpty(value))
            {
                where.Add($"{column} = {name}");
                q.Parameters.AddWithValue(name, value);
            }
        }

        Equal(filter.Severity, "severity", "$severity");
        Equal(filter.RuleId, "rule_id", "$rule");
        Equal(filter.Category, "category", "$category");
        if (filter.Assignee == "-")
        {
            where.Add("assignee IS NULL");
        }
        else
        {
            Equal(filter.Assignee, "assignee", "$assignee");
        }

        if (filter.From is { } from)
        {
            where.Add("last_seen >= $from");
            q.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (filter.To is { } to)
        {
            where.Add("first_seen <= $to");
            q.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        return where;
    }

    private static string QueueWhere(List<string> conditions) => conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : "";
}
