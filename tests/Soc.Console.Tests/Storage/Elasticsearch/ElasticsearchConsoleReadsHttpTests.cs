using System.Text.Json.Nodes;
using Soc.Console.Hosting;
using Soc.Console.Incidents;
using Soc.Console.Search;
using Soc.Console.Storage;
using Soc.Console.Storage.Elasticsearch;
using Soc.Console.Tests.Support;
using Soc.Console.Web.Data;

namespace Soc.Console.Tests.Storage.Elasticsearch;

/// <summary>
/// The Elasticsearch store's console reads at the HTTP level: the aggregation requests it sends (scope,
/// fields, windows, post_filter) and how it reads Elasticsearch's documented aggregation answers, against
/// <see cref="ElasticsearchStandInServer"/> with scripted answers.
/// </summary>
public sealed class ElasticsearchConsoleReadsHttpTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 30, 0, TimeSpan.Zero);
    private ElasticsearchStandInServer _server = null!;
    private ElasticsearchStore _store = null!;

    public async Task InitializeAsync()
    {
        _server = await ElasticsearchStandInServer.StartAsync();
        _store = ElasticsearchStore.Create(new StorageOptions { Kind = "elasticsearch", Url = _server.Url.ToString(), MaxRetries = 2, RetryBaseDelayMilliseconds = 1 });
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task FacetsAreTermsAggregationsInOneSizeZeroSearchOverTheScope()
    {
        _server.Search = (index, _) => index == "soc-events-*"
            ? Aggregations(new JsonObject
            {
                ["f0"] = Buckets(Bucket("web01", 150), Bucket("web02", 100)),
                ["f1"] = Buckets(Bucket(404, 7)),
            })
            : null;

        var result = await _store.FacetEventsAsync(new EventQuery(QueryParser.Parse("event.dataset:system.auth"), null, null, ["a"]), ["host.name", "http.response.status_code", "message"], 6, default);

        var body = Assert.Single(Searches("soc-events-*"));
        Assert.Equal(0, body["size"]!.GetValue<int>());
        Assert.Equal("host.name", body["aggs"]!["f0"]!["terms"]!["field"]!.GetValue<string>());
        Assert.Equal(6, body["aggs"]!["f0"]!["terms"]!["size"]!.GetValue<int>());
        Assert.Equal("http.response.status_code", body["aggs"]!["f1"]!["terms"]!["field"]!.GetValue<string>());
        Assert.Null(body["aggs"]!["f2"]); // message is text: no terms to count
        Assert.Contains("\"organization.id\":[\"a\"]", body["query"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"event.dataset\":\"system.auth\"", body["query"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(result.SampledNewest);
        Assert.Equal([("web01", 150L), ("web02", 100L)], result.Fields["host.name"].Select(v => (v.Value, v.Count)));
        Assert.Equal([("404", 7L)], result.Fields["http.response.status_code"].Select(v => (v.Value, v.Count)));
        Assert.False(result.Fields.ContainsKey("message"));
    }

    [Fact]
    public async Task TheDashboardReadsHistogramsTermsAndMeansFromThreeScopedSearches()
    {
        var tenOClock = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        var localToday = new DateTimeOffset(2026, 11, 22, 0, 0, 0, Localization.LocalTime.Zone.BaseUtcOffset);
        var lastEvent = Now.AddMinutes(-3);
        _server.Search = (index, _) => index switch
        {
            "soc-alerts" => Aggregations(new JsonObject
            {
                ["hours"] = new JsonObject { ["doc_count"] = 2, ["h"] = Buckets(With(Bucket(tenOClock.ToUnixTimeMilliseconds(), 2), "n", 4)) },
                ["week"] = new JsonObject
                {
                    ["doc_count"] = 3,
                    ["rules"] = Buckets(With(Bucket("SSH Password Login As Root Failed", 3), "n", 5)),
                    ["agencies"] = Buckets(With(Bucket("a", 3), "n", 5)),
                },
            }),
            "soc-incidents" => Aggregations(new JsonObject
            {
                ["days"] = new JsonObject { ["doc_count"] = 2, ["d"] = Buckets(Bucket(localToday.ToUnixTimeMilliseconds(), 2)) },
                ["ack"] = new JsonObject { ["doc_count"] = 1, ["mean"] = new JsonObject { ["value"] = 90_000.0 } },
                ["resolve"] = new JsonObject { ["doc_count"] = 0, ["mean"] = new JsonObject { ["value"] = null } },
                ["open"] = new JsonObject { ["doc_count"] = 3 },
            }),
            "soc-events-*" => Aggregations(new JsonObject
            {
                ["week"] = new JsonObject { ["doc_count"] = 11, ["ips"] = Buckets(Bucket("203.0.113.9", 11)) },
                ["agencies"] = Buckets(With(With(Bucket("a", 50), "last", lastEvent.ToUnixTimeMilliseconds()), "day", null, 12)),
            }),
            _ => null,
        };

        var d = await _store.DashboardAsync(["a"], Now, default);

        foreach (var (index, field) in new[] { ("soc-alerts", "agency_id"), ("soc-incidents", "agency_id"), ("soc-events-*", "organization.id") })
        {
            var body = Assert.Single(Searches(index));
            Assert.Equal(0, body["size"]!.GetValue<int>());
            Assert.Contains($"\"{field}\":[\"a\"]", body["query"]!.ToJsonString(), StringComparison.Ordinal);
        }

        var alerts = Assert.Single(Searches("soc-alerts"));
        Assert.Equal(3_600_000, alerts["aggs"]!["hours"]!["aggs"]!["h"]!["histogram"]!["interval"]!.GetValue<long>());
        Assert.Equal("count", alerts["aggs"]!["week"]!["aggs"]!["rules"]!["aggs"]!["n"]!["sum"]!["field"]!.GetValue<string>());
        Assert.Equal("time_to_ack_ms", Assert.Single(Searches("soc-incidents"))["aggs"]!["ack"]!["aggs"]!["mean"]!["avg"]!["field"]!.GetValue<string>());

        Assert.Equal(24, d.AlertsPerHour.Count);
        Assert.Equal((tenOClock, 4L), d.AlertsPerHour[^1]);
        Assert.Equal(4, d.AlertsPerHour.Sum(b => b.Count));
        Assert.Equal(14, d.IncidentsPerDay.Count);
        Assert.Equal((localToday.ToUniversalTime(), 2L), (d.IncidentsPerDay[^1].Bucket.ToUniversalTime(), d.IncidentsPerDay[^1].Count));
        Assert.Equal([("SSH Password Login As Root Failed", 5L)], d.TopRules);
        Assert.Equal([("a", 5L)], d.TopAgencies);
        Assert.Equal([("203.0.113.9", 11L)], d.TopSourceIps);
        Assert.Equal(TimeSpan.FromSeconds(90), d.MeanTimeToAcknowledge);
        Assert.Null(d.MeanTimeToResolve);
        Assert.Equal(3, d.OpenIncidents);
        Assert.Equal(new AgencyFeed("a", lastEvent, 12), Assert.Single(d.Feeds));
    }

    [Fact]
    public async Task TheQueueFiltersStatusAfterCountingEveryStatus()
    {
        _server.Search = (index, _) => index == "soc-incidents"
            ? new JsonObject
            {
                ["hits"] = new JsonObject
                {
                    ["total"] = new JsonObject { ["value"] = 7, ["relation"] = "eq" },
                    ["hits"] = new JsonArray(new JsonObject { ["_id"] = "12", ["_source"] = IncidentDoc(12, DateTimeOffset.UtcNow) }),
                },
                ["aggregations"] = new JsonObject { ["statuses"] = Buckets(Bucket("new", 5), Bucket("closed", 2)) },
            }
            : null;

        var page = await _store.QueryQueueAsync(["a", "a1"], ["a1"], new QueueFilter { Severity = "high", Assignee = "-", PageSize = 1, Page = 3 }, default);

        var body = Assert.Single(Searches("soc-incidents"));
        var query = body["query"]!.ToJsonString();
        Assert.DoesNotContain("status", query, StringComparison.Ordinal);
        Assert.Contains("\"agency_id\":[\"a\",\"a1\"]", query, StringComparison.Ordinal);
        Assert.Contains("\"agency_id\":[\"a1\"]", query, StringComparison.Ordinal);
        Assert.Contains("\"exists\":{\"field\":\"assignee\"}", query, StringComparison.Ordinal);
        Assert.Equal("{\"bool\":{\"must_not\":[{\"term\":{\"status\":\"closed\"}}]}}", body["post_filter"]!.ToJsonString());
        Assert.Equal((2, 1), (body["from"]!.GetValue<int>(), body["size"]!.GetValue<int>()));
        Assert.True(body["track_total_hits"]!.GetValue<bool>());
        Assert.Equal(7, page.Total);
        Assert.Equal(12, Assert.Single(page.Rows).Id);
        Assert.Equal(new Dictionary<string, int> { ["new"] = 5, ["closed"] = 2 }, page.StatusCounts);
    }

    [Fact]
    public async Task RuleHitsSumAlertCountsPerRuleSinceTheGivenTime()
    {
        _server.Search = (index, _) => index == "soc-alerts" ? Aggregations(new JsonObject { ["rules"] = Buckets(With(Bucket("rule-x", 2), "n", 9)) }) : null;

        var hits = await _store.RuleHitsAsync(null, Now.AddHours(-24), default);

        var body = Assert.Single(Searches("soc-alerts"));
        Assert.Equal(Now.AddHours(-24).ToUnixTimeMilliseconds(), body["query"]!["bool"]!["filter"]![0]!["range"]!["last_seen"]!["gte"]!.GetValue<long>());
        Assert.Equal("rule_id", body["aggs"]!["rules"]!["terms"]!["field"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, long> { ["rule-x"] = 9 }, hits);
    }

    [Fact]
    public async Task AcknowledgingAndClosingStoreTheResponseDurationsTheMeansAverage()
    {
        var detected = DateTimeOffset.UtcNow.AddMinutes(-10);
        _server.Seed("soc-incidents", "5", IncidentDoc(5, detected));

        var acknowledged = await _store.UpdateIncidentAsync(5, 1, new IncidentChange(Status: IncidentStatuses.Acknowledged), "alice", default);
        var ackMs = _server.Document("soc-incidents", "5")!["time_to_ack_ms"]!.GetValue<long>();
        await _store.UpdateIncidentAsync(5, 2, new IncidentChange(Status: IncidentStatuses.Closed, ClosingReason: "false_positive"), "alice", default);
        var closed = _server.Document("soc-incidents", "5")!;

        Assert.Equal(IncidentUpdateOutcome.Updated, acknowledged.Outcome);
        Assert.Equal(acknowledged.Incident!.AcknowledgedAt!.Value.ToUnixTimeMilliseconds() - detected.ToUnixTimeMilliseconds(), ackMs);
        Assert.InRange(ackMs, 600_000, 3_600_000);
        Assert.Equal(closed["closed_at"]!.GetValue<long>() - detected.ToUnixTimeMilliseconds(), closed["time_to_resolve_ms"]!.GetValue<long>());
        Assert.Equal(ackMs, closed["time_to_ack_ms"]!.GetValue<long>());
    }

    private List<JsonObject> Searches(string index) =>
    [
        .. _server.Requests
            .Where(r => r.Method == "POST" && r.Path.StartsWith("/" + index + "/_search", StringComparison.Ordinal))
            .Select(r => JsonNode.Parse(r.Body)!.AsObject()),
    ];

    private static JsonObject IncidentDoc(long id, DateTimeOffset detected) => new()
    {
        ["id"] = id,
        ["agency_id"] = "a1",
        ["rule_id"] = "rule-x",
        ["title"] = "SSH Password Login As Root Failed",
        ["severity"] = "high",
        ["severity_rank"] = 3,
        ["status"] = IncidentStatuses.New,
        ["host"] = "web01",
        ["entity"] = "203.0.113.9",
        ["first_seen"] = detected.ToUnixTimeMilliseconds(),
        ["last_seen"] = detected.ToUnixTimeMilliseconds(),
        ["alert_count"] = 1,
        ["version"] = 1,
        ["detected_at"] = detected.ToUnixTimeMilliseconds(),
        ["reopen_count"] = 0,
    };

    private static JsonObject Aggregations(JsonObject aggregations) => new()
    {
        ["took"] = 1,
        ["hits"] = new JsonObject { ["hits"] = new JsonArray() },
        ["aggregations"] = aggregations,
    };

    private static JsonObject Buckets(params JsonObject[] buckets) => new() { ["buckets"] = new JsonArray([.. buckets]) };

    private static JsonObject Bucket(JsonNode key, long count) => new() { ["key"] = key, ["doc_count"] = count };

    /// <summary>Adds a metric sub-aggregation answer (<c>{"value": …}</c>) or, with <paramref name="docCount"/>, a filter one.</summary>
    private static JsonObject With(JsonObject bucket, string name, double? value, long? docCount = null)
    {
        bucket[name] = docCount is long n ? new JsonObject { ["doc_count"] = n } : new JsonObject { ["value"] = value };
        return bucket;
    }
}
