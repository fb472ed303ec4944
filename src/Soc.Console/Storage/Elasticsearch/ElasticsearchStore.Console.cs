using System.Text.Json.Nodes;
using Soc.Console.Incidents;

namespace Soc.Console.Storage.Elasticsearch;

/// <summary>
/// The console's aggregate reads (<see cref="IConsoleReads"/>) as size-0 searches with aggregations: one
/// request each over alerts, incidents and events for the dashboard. Alert and incident times are epoch
/// milliseconds (numbers), so their buckets are <c>histogram</c>s with the interval and offset in
/// milliseconds; events have a real <c>@timestamp</c>.
/// </summary>
public sealed partial class ElasticsearchStore
{
    private const long HourMs = 3_600_000L;
    private const long DayMs = 24 * HourMs;

    public async Task<DashboardData> DashboardAsync(IReadOnlyList<string>? agencyScope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var nowMs = now.ToUnixTimeMilliseconds();
        var hourStart = (nowMs / HourMs * HourMs) - (23 * HourMs);
        var localOffsetMs = (long)Localization.LocalTime.Zone.BaseUtcOffset.TotalMilliseconds;
        var dayStart = ((nowMs + localOffsetMs) / DayMs * DayMs) - localOffsetMs - (13 * DayMs);
        var week = nowMs - (7 * DayMs);
        var month = nowMs - (30 * DayMs);

        var alerts = await AggregateAsync(AlertsIndex, Filters([Scope("agency_id", agencyScope), AtLeast("ts", Math.Min(hourStart, week))]), new JsonObject
        {
            ["hours"] = Within("ts", hourStart, new JsonObject
            {
                ["h"] = new JsonObject
                {
                    ["histogram"] = new JsonObject { ["field"] = "ts", ["interval"] = HourMs, ["offset"] = Mod(hourStart, HourMs) },
                    ["aggs"] = SumOfCount(),
                },
            }),
            ["week"] = Within("ts", week, new JsonObject
            {
                ["rules"] = TopBySum("rule_title", 8),
                ["agencies"] = TopBySum("agency_id", 8),
            }),
        }, cancellationToken).ConfigureAwait(false);

        var incidents = await AggregateAsync(Incidents, Filters([Scope("agency_id", agencyScope)]), new JsonObject
        {
            ["days"] = Within("detected_at", dayStart, new JsonObject
            {
                ["d"] = new JsonObject { ["histogram"] = new JsonObject { ["field"] = "detected_at", ["interval"] = DayMs, ["offset"] = Mod(dayStart, DayMs) } },
            }),
            ["ack"] = Within("acknowledged_at", month, new JsonObject { ["mean"] = new JsonObject { ["avg"] = new JsonObject { ["field"] = "time_to_ack_ms" } } }),
            ["resolve"] = Within("closed_at", month, new JsonObject { ["mean"] = new JsonObject { ["avg"] = new JsonObject { ["field"] = "time_to_resolve_ms" } } }),
            ["open"] = new JsonObject { ["filter"] = new JsonObject { ["bool"] = new JsonObject { ["must_not"] = new JsonArray(Term("status", IncidentStatuses.Closed)) } } },
        }, cancellationToken).ConfigureAwait(false);

        var events = await AggregateAsync(EventsPattern, Filters([Scope("organization.id", agencyScope)]), new JsonObject
        {
            ["week"] = new JsonObject
            {
                ["filter"] = new JsonObject { ["range"] = new JsonObject { ["@timestamp"] = new JsonObject { ["gte"] = Iso(DateTimeOffset.FromUnixTimeMilliseconds(week)) } } },
                ["aggs"] = new JsonObject { ["ips"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "source.ip", ["size"] = 8 } } },
            },
            ["agencies"] = new JsonObject
            {
                ["terms"] = new JsonObject { ["field"] = "organization.id", ["size"] = 1000 },
                ["aggs"] = new JsonObject
                {
                    ["last"] = new JsonObject { ["max"] = new JsonObject { ["field"] = "@timestamp" } },
                    ["day"] = new JsonObject { ["filter"] = new JsonObject { ["range"] = new JsonObject { ["@timestamp"] = new JsonObject { ["gte"] = Iso(now.AddDays(-1)) } } } },
                },
            },
        }, cancellationToken).ConfigureAwait(false);

        var perHour = Series(alerts?["hours"]?["h"], 24, hourStart, HourMs, b => Number(b["n"]?["value"]));
        var perDay = Series(incidents?["days"]?["d"], 14, dayStart, DayMs, b => Number(b["doc_count"]));
        var feeds = new List<AgencyFeed>();
        foreach (var bucket in Buckets(events?["agencies"]))
        {
            var last = bucket["last"]?["value"] is JsonValue v && v.TryGetValue<double>(out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : (DateTimeOffset?)null;
            feeds.Add(new AgencyFeed(Key(bucket["key"]), last, Number(bucket["day"]?["doc_count"])));
        }

        feeds.Sort((a, b) => string.CompareOrdinal(a.AgencyId, b.AgencyId));
        return new DashboardData(
            perHour,
            perDay,
            Top(alerts?["week"]?["rules"], b => Number(b["n"]?["value"])),
            Top(alerts?["week"]?["agencies"], b => Number(b["n"]?["value"])),
            Top(events?["week"]?["ips"], b => Number(b["doc_count"])),
            Mean(incidents?["ack"]?["mean"]),
            Mean(incidents?["resolve"]?["mean"]),
            (int)Number(incidents?["open"]?["doc_count"]),
            feeds);
    }

    public async Task<IReadOnlyDictionary<string, long>> RuleHitsAsync(IReadOnlyList<string>? agencyScope, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var aggs = await AggregateAsync(AlertsIndex, Filters([Scope("agency_id", agencyScope), AtLeast("last_seen", since.ToUnixTimeMilliseconds())]),
            new JsonObject { ["rules"] = TopBySum("rule_id", 10_000) }, cancellationToken).ConfigureAwait(false);
        var hits = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var bucket in Buckets(aggs?["rules"]))
        {
            hits[Key(bucket["key"])] = Number(bucket["n"]?["value"]);
        }

        return hits;
    }

    public async Task<IReadOnlyList<(string Id, string Title)>> IncidentRulesAsync(IReadOnlyList<string>? agencyScope, CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var aggs = await AggregateAsync(Incidents, Filters([Scope("agency_id", agencyScope)]), new JsonObject
        {
            ["rules"] = new JsonObject
            {
                ["terms"] = new JsonObject { ["field"] = "rule_id", ["size"] = 500 },
                ["aggs"] = new JsonObject { ["title"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "title", ["size"] = 1 } } },
            },
        }, cancellationToken).ConfigureAwait(false);
        var rules = new List<(string Id, string Title)>();
        foreach (var bucket in Buckets(aggs?["rules"]))
        {
            var id = Key(bucket["key"]);
            rules.Add((id, Buckets(bucket["title"]).Select(t => Key(t["key"])).FirstOrDefault() ?? id));
        }

        rules.Sort((a, b) => string.CompareOrdinal(a.Title, b.Title));
        return rules;
    }

    public async Task<IReadOnlyList<string>> DistinctIncidentValuesAsync(IReadOnlyList<string>? agencyScope, string field, CancellationToken cancellationToken)
    {
        var name = field switch
        {
            "rule" => "rule_id",
            "agency" => "agency_id",
            "assignee" => "assignee",
            "category" => "category",
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var aggs = await AggregateAsync(Incidents, Filters([Scope("agency_id", agencyScope)]),
            new JsonObject { ["values"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = name, ["size"] = 500, ["order"] = new JsonObject { ["_key"] = "asc" } } } },
            cancellationToken).ConfigureAwait(false);
        return [.. Buckets(aggs?["values"]).Select(b => Key(b["key"]))];
    }

    /// <summary>A size-0 search; returns its <c>aggregations</c> object.</summary>
    private async Task<JsonNode?> AggregateAsync(string index, JsonObject query, JsonObject aggs, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["size"] = 0, ["track_total_hits"] = false, ["query"] = query, ["aggs"] = aggs };
        var answer = await SendOkAsync(HttpMethod.Post, index + "/_search?ignore_unavailable=true&allow_no_indices=true", body, cancellationToken).ConfigureAwait(false);
        return answer?["aggregations"];
    }

    private static JsonObject AtLeast(string field, long ms) => new() { ["range"] = new JsonObject { [field] = new JsonObject { ["gte"] = ms } } };

    /// <summary>A filter aggregation (field ≥ ms) around <paramref name="aggs"/>.</summary>
    private static JsonObject Within(string field, long ms, JsonObject aggs) => new() { ["filter"] = AtLeast(field, ms), ["aggs"] = aggs };

    private static JsonObject SumOfCount() => new() { ["n"] = new JsonObject { ["sum"] = new JsonObject { ["field"] = "count" } } };

    /// <summary>Top keys by the sum of alert <c>count</c> (folded repeats), largest first.</summary>
    private static JsonObject TopBySum(string field, int size) => new()
    {
        ["terms"] = new JsonObject { ["field"] = field, ["size"] = size, ["order"] = new JsonObject { ["n"] = "desc" } },
        ["aggs"] = SumOfCount(),
    };

    private static long Mod(long value, long width) => ((value % width) + width) % width;

    private static IEnumerable<JsonObject> Buckets(JsonNode? agg) =>
        (agg?["buckets"] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>A bucket key as text: keywords and addresses are strings, numeric fields numbers.</summary>
    private static string Key(JsonNode? key) => key is JsonValue v && v.TryGetValue<string>(out var s) ? s : key?.ToJsonString() ?? "";

    private static long Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? (long)Math.Round(d) : 0;

    private static TimeSpan? Mean(JsonNode? avg) => avg?["value"] is JsonValue v && v.TryGetValue<double>(out var ms) ? TimeSpan.FromMilliseconds(ms) : null;

    private static List<(string Name, long Count)> Top(JsonNode? agg, Func<JsonObject, long> count) =>
        [.. Buckets(agg).Select(b => (Key(b["key"]), count(b)))];

    private static List<(DateTimeOffset, long)> Series(JsonNode? histogram, int count, long start, long width, Func<JsonObject, long> value)
    {
        var values = new long[count];
        foreach (var bucket in Buckets(histogram))
        {
            var i = (Number(bucket["key"]) - start) / width;
            if (i >= 0 && i < count)
            {
                values[i] += value(bucket);
            }
        }

        var list = new List<(DateTimeOffset, long)>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add((DateTimeOffset.FromUnixTimeMilliseconds(start + (i * width)), values[i]));
        }

        return list;
    }
}
