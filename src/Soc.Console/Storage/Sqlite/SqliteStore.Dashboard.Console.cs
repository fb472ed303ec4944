using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>
    /// The dashboard's aggregates over alerts, incidents and events within <paramref name="agencyScope"/>
    /// (null = every agency). Alerts count their folded repeats. Windows: 24 h by hour, 14 days by day, 7 days for the top lists,
    /// 30 days for the response means.
    /// </summary>
    public Task<DashboardData> DashboardAsync(IReadOnlyList<string>? agencyScope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var c = Open();
        var hourMs = 3_600_000L;
        var dayMs = 24 * hourMs;
        var nowMs = now.ToUnixTimeMilliseconds();
        var hourStart = (nowMs / hourMs * hourMs) - (23 * hourMs);
        var localOffsetMs = (long)Localization.LocalTime.Zone.BaseUtcOffset.TotalMilliseconds;
        var dayStart = ((nowMs + localOffsetMs) / dayMs * dayMs) - localOffsetMs - (13 * dayMs);
        var week = nowMs - (7 * dayMs);

        var perHour = Buckets(c, agencyScope, $"SELECT (ts - {hourStart}) / {hourMs}, sum(count) FROM alerts WHERE ts >= {hourStart}", "GROUP BY 1", 24, hourStart, hourMs);
        var perDay = Buckets(c, agencyScope, $"SELECT (coalesce(detected_at, first_seen) - {dayStart}) / {dayMs}, count(*) FROM incidents WHERE coalesce(detected_at, first_seen) >= {dayStart}", "GROUP BY 1", 14, dayStart, dayMs);
        var topRules = Top(c, agencyScope, $"SELECT rule_title, sum(count) FROM alerts WHERE ts >= {week}", "GROUP BY 1 ORDER BY 2 DESC LIMIT 8");
        var topAgencies = Top(c, agencyScope, $"SELECT agency_id, sum(count) FROM alerts WHERE ts >= {week}", "GROUP BY 1 ORDER BY 2 DESC LIMIT 8");
        var topIps = Top(c, agencyScope, $"SELECT json_extract(fields, '$.\"source.ip\"') AS ip, count(*) FROM events WHERE tkey >= {TimeKey(week)} AND ip IS NOT NULL", "GROUP BY 1 ORDER BY 2 DESC LIMIT 8");
        var month = nowMs - (30 * dayMs);
        var mtta = Mean(c, agencyScope, $"SELECT avg(acknowledged_at - coalesce(detected_at, first_seen)) FROM incidents WHERE acknowledged_at >= {month}");
        var mttr = Mean(c, agencyScope, $"SELECT avg(closed_at - coalesce(detected_at, first_seen)) FROM incidents WHERE closed_at >= {month}");
        var open = (int)(Top(c, agencyScope, "SELECT 'open', count(*) FROM incidents WHERE status <> 'closed'", "").FirstOrDefault().Count);

        // Per agency from the agencies table (accounts share this file): each subquery is a range on the
        // (agency_id, tkey) index, where one GROUP BY over events would read them all.
        var feeds = new List<AgencyFeed>();
        using (var q = Command(c, null, $"""
            SELECT a.id, (SELECT e.ts FROM events e WHERE e.agency_id = a.id ORDER BY e.tkey DESC LIMIT 1),
                   (SELECT count(*) FROM events e WHERE e.agency_id = a.id AND e.tkey >= {TimeKey(nowMs - dayMs)})
            FROM agencies a ORDER BY a.id
            """))
        using (var r = q.ExecuteReader())
        {
            while (r.Read())
            {
                if (agencyScope is null || agencyScope.Contains(r.GetString(0)))
                {
                    feeds.Add(new AgencyFeed(r.GetString(0), r.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetInt64(2)));
                }
            }
        }

        return Task.FromResult(new DashboardData(perHour, perDay, topRules, topAgencies, topIps, mtta, mttr, open, feeds));
    }

    private static List<(DateTimeOffset, long)> Buckets(SqliteConnection c, IReadOnlyList<string>? scope, string select, string tail, int count, long start, long width)
    {
        var values = new long[count];
        foreach (var (key, n) in Top(c, scope, select, tail))
        {
            if (int.TryParse(key, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i) && i >= 0 && i < count)
            {
                values[i] = n;
            }
        }

        var list = new List<(DateTimeOffset, long)>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add((DateTimeOffset.FromUnixTimeMilliseconds(start + (i * width)), values[i]));
        }

        return list;
    }

    /// <summary>Runs "select key, n … [scope] tail": the agency scope is ANDed onto the select's WHERE.</summary>
    private static List<(string Name, long Count)> Top(SqliteConnection c, IReadOnlyList<string>? scope, string select, string tail)
    {
        using var q = Command(c, null, "");
        var sql = select;
        if (scope is not null)
        {
            var names = new List<string>();
            for (var i = 0; i < scope.Count; i++)
            {
                names.Add("$s" + i);
                q.Parameters.AddWithValue("$s" + i, scope[i]);
            }

            sql += names.Count == 0 ? " AND 0" : $" AND agency_id IN ({string.Join(',', names)})";
        }

        q.CommandText = sql + " " + tail;
        using var r = q.ExecuteReader();
        var list = new List<(string, long)>();
        while (r.Read())
        {
            if (!r.IsDBNull(0))
            {
                list.Add((Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!, r.IsDBNull(1) ? 0 : r.GetInt64(1)));
            }
        }

        return list;
    }

    private static TimeSpan? Mean(SqliteConnection c, IReadOnlyList<string>? scope, string select)
    {
        using var q = Command(c, null, "");
        var sql = select;
        if (scope is not null)
        {
            var names = new List<string>();
            for (var i = 0; i < scope.Count; i++)
            {
                names.Add("$s" + i);
                q.Parameters.AddWithValue("$s" + i, scope[i]);
            }

            sql += names.Count == 0 ? " AND 0" : $" AND agency_id IN ({string.Join(',', names)})";
        }

        q.CommandText = sql;
        return q.ExecuteScalar() is double ms ? TimeSpan.FromMilliseconds(ms) : null;
    }
}
