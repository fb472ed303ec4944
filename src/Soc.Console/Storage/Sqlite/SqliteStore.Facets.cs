using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>
    /// Most matching events a facet request counts (newest first). One core reads about a million
    /// rows' JSON in a few seconds; the bound keeps a broad query over a 10-million-event store answering
    /// in well under a second, and the page says "of the newest N" when it applied.
    /// </summary>
    public int FacetSampleEvents { get; set; } = 100_000;

    /// <summary>
    /// GROUP BY over the newest <see cref="FacetSampleEvents"/> matching rows, read once (a materialised
    /// CTE) for every field; the top values per field are picked with a window function.
    /// </summary>
    public Task<FacetResult> FacetEventsAsync(EventQuery query, IReadOnlyList<string> fields, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(fields);
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        if (fields.Count == 0)
        {
            return Task.FromResult(new FacetResult(result, null));
        }

        using var c = Open();
        using var q = Command(c, null, "");
        var (from, where, key) = PlanSearch(c, q, query); // the search's own plan: the sample is its newest rows
        CatchUpTextIndex(where);
        // The CTE keeps per field only what is counted: a column, or the JSON value as an array (a scalar
        // wrapped in one), so the GROUP BY below counts each element of an array field on its own, as the
        // query syntax matches inside arrays and as Elasticsearch counts terms.
        var columns = new List<string>();
        var groups = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            var name = "c" + i.ToString(CultureInfo.InvariantCulture);
            if (FacetColumn(fields[i]) is { } column)
            {
                columns.Add($"{column} AS {name}");
                groups.Add($"SELECT {i} AS f, CAST(m.{name} AS TEXT) AS v, count(*) AS n FROM m WHERE m.{name} IS NOT NULL GROUP BY 2");
            }
            else
            {
                var path = "$path" + i.ToString(CultureInfo.InvariantCulture);
                q.Parameters.AddWithValue(path, "$.\"" + fields[i].Replace("\"", "", StringComparison.Ordinal) + "\"");
                columns.Add($"CASE json_type(e.fields, {path}) WHEN 'array' THEN json_extract(e.fields, {path}) WHEN 'object' THEN NULL ELSE json_array(json_extract(e.fields, {path})) END AS {name}");
                groups.Add($"SELECT {i} AS f, CAST(j.value AS TEXT) AS v, count(*) AS n FROM m, json_each(m.{name}) j WHERE m.{name} IS NOT NULL AND j.value IS NOT NULL GROUP BY 2");
            }
        }

        q.CommandText = $"""
            WITH m AS MATERIALIZED (SELECT {string.Join(", ", columns)} {from}{Where(where)} ORDER BY {key} DESC LIMIT $sample),
                 g AS ({string.Join(" UNION ALL ", groups)})
            SELECT f, v, n FROM (SELECT f, v, n, row_number() OVER (PARTITION BY f ORDER BY n DESC, v) AS r FROM g) WHERE r <= $top
            UNION ALL SELECT -1, NULL, count(*) FROM m
            """;
        var sample = Math.Max(1, FacetSampleEvents);
        q.Parameters.AddWithValue("$sample", sample);
        q.Parameters.AddWithValue("$top", Math.Clamp(top, 1, 100));
        var lists = new List<FacetValue>[fields.Count];
        long counted = 0;
        using (var r = q.ExecuteReader())
        {
            while (r.Read())
            {
                var f = r.GetInt32(0);
                if (f < 0)
                {
                    counted = r.GetInt64(2);
                    continue;
                }

                (lists[f] ??= []).Add(new FacetValue(r.GetString(1), r.GetInt64(2)));
            }
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (lists[i] is { } list)
            {
                list.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));
                result[fields[i]] = list;
            }
        }

        // Exactly N matches also reads as "of the newest N", which is still true.
        return Task.FromResult(new FacetResult(result, counted >= sample ? sample : null));
    }

    /// <summary>The events column a field has its own, or null when it lives in the stored JSON.</summary>
    private static string? FacetColumn(string field) => field switch
    {
        "host.name" => "e.host",
        "event.dataset" => "e.dataset",
        "organization.id" or "agency" => "e.agency_id",
        _ => null,
    };
}
