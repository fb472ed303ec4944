using System.Text.Json.Nodes;
using Soc.Console.Incidents;
using Soc.Console.Web.Data;

namespace Soc.Console.Storage.Elasticsearch;

public sealed partial class ElasticsearchStore
{
    /// <summary>
    /// One search: the query holds every filter but the status, the status filter is a <c>post_filter</c>,
    /// so the <c>statuses</c> terms aggregation counts every status while the hits and their total obey it.
    /// </summary>
    public async Task<QueuePage> QueryQueueAsync(IReadOnlyList<string>? agencyScope, IReadOnlyList<string>? agencies, QueueFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        JsonObject? Eq(string field, string? value) => string.IsNullOrEmpty(value) ? null : Term(field, value);
        var unassigned = new JsonObject { ["bool"] = new JsonObject { ["must_not"] = new JsonArray(new JsonObject { ["exists"] = new JsonObject { ["field"] = "assignee" } }) } };
        var query = Filters(
        [
            Scope("agency_id", agencyScope),
            Scope("agency_id", agencies),
            Eq("severity", filter.Severity),
            Eq("rule_id", filter.RuleId),
            Eq("category", filter.Category),
            filter.Assignee == "-" ? unassigned : Eq("assignee", filter.Assignee),
            filter.From is { } from ? AtLeast("last_seen", from.ToUnixTimeMilliseconds()) : null,
            filter.To is { } to ? new JsonObject { ["range"] = new JsonObject { ["first_seen"] = new JsonObject { ["lte"] = to.ToUnixTimeMilliseconds() } } } : null,
        ]);
        var statusFilter = filter.Statuses.Count == 0
            ? new JsonObject { ["bool"] = new JsonObject { ["must_not"] = new JsonArray(Term("status", IncidentStatuses.Closed)) } }
            : new JsonObject { ["terms"] = new JsonObject { ["status"] = new JsonArray([.. filter.Statuses.Select(s => (JsonNode)s)]) } };
        var key = filter.Sort switch
        {
            "first_seen" => "first_seen",
            "severity" => "severity_rank",
            "alerts" => "alert_count",
            "id" => "id",
            _ => "last_seen",
        };
        var order = filter.Descending ? "desc" : "asc";
        var pageSize = Math.Clamp(filter.PageSize, 1, 500);
        var body = new JsonObject
        {
            ["query"] = query,
            ["post_filter"] = statusFilter,
            ["aggs"] = new JsonObject { ["statuses"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "status", ["size"] = 20 } } },
            ["sort"] = new JsonArray(new JsonObject { [key] = new JsonObject { ["order"] = order, ["unmapped_type"] = "long" } }, new JsonObject { ["id"] = new JsonObject { ["order"] = order, ["unmapped_type"] = "long" } }),
            ["from"] = (Math.Max(filter.Page, 1) - 1) * pageSize,
            ["size"] = pageSize,
            ["track_total_hits"] = true,
        };
        var answer = await SendOkAsync(HttpMethod.Post, Incidents + "/_search?ignore_unavailable=true&allow_no_indices=true", body, cancellationToken).ConfigureAwait(false);
        var rows = (answer?["hits"]?["hits"] as JsonArray ?? []).OfType<JsonObject>().Select(h => ReadIncident(h["_source"]!.AsObject())).ToList();
        var total = (int)Number(answer?["hits"]?["total"]?["value"]);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var bucket in Buckets(answer?["aggregations"]?["statuses"]))
        {
            counts[Key(bucket["key"])] = (int)Number(bucket["doc_count"]);
        }

        return new QueuePage(rows, total, counts);
    }
}
