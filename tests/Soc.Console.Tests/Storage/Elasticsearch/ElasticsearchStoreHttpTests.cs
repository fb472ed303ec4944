using System.Text.Json.Nodes;
using Soc.Console.Hosting;
using Soc.Console.Incidents;
using Soc.Console.Storage;
using Soc.Console.Storage.Elasticsearch;
using Soc.Console.Tests.Support;
using static Soc.Console.Tests.Support.Events;

namespace Soc.Console.Tests.Storage.Elasticsearch;

/// <summary>
/// The Elasticsearch store's HTTP behaviour — bulk item handling, 429/5xx retries, 413 splitting, 409 as
/// already stored, dead letters, authentication, optimistic concurrency — against <see cref="ElasticsearchStandInServer"/>.
/// </summary>
public sealed class ElasticsearchStoreHttpTests : IAsyncLifetime
{
    private static readonly IncidentPolicy Policy = new();
    private ElasticsearchStandInServer _server = null!;
    private ElasticsearchStore _store = null!;

    public async Task InitializeAsync()
    {
        _server = await ElasticsearchStandInServer.StartAsync();
        _store = ElasticsearchStore.Create(Options());
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task CreatesEventsWithTheRecordIdInADataStreamPerDataset()
    {
        var result = await _store.AppendAsync([Batch("so-a", Event("r1", "one", dataset: "system.auth"), Event("r2", "two", dataset: "nginx.access"))], Policy, default);

        Assert.Equal(new Pipeline.IngestResult(2, 2, 0, 0), result[0]);
        var docs = _server.BulkDocuments.ToList();
        Assert.Equal(["r1", "r2"], docs.Select(d => d.Action["create"]!["_id"]!.GetValue<string>()));
        Assert.Equal(["soc-events-system.auth", "soc-events-nginx.access"], docs.Select(d => d.Action["create"]!["_index"]!.GetValue<string>()));
        var source = JsonNode.Parse(docs[0].Source)!;
        Assert.Equal("so-a", source["organization.id"]!.GetValue<string>());
        Assert.Equal("2026-11-22T03:00:00.000Z", source["@timestamp"]!.GetValue<string>());
        Assert.Contains(_server.Requests, r => r.Method == "PUT" && r.Path.StartsWith("/_index_template/soc-events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CountsA409AsAlreadyStored()
    {
        _server.Bulk = docs => (200, [(201, null, null), (409, "version_conflict_engine_exception", "document already exists")]);

        var result = await _store.AppendAsync([Batch("a", Event("new", "x"), Event("resent", "y"))], Policy, default);

        Assert.Equal(new Pipeline.IngestResult(2, 1, 1, 0), result[0]);
    }

    [Fact]
    public async Task RetriesOnlyThe429And5xxItemsOfAPartlyFailedBulk()
    {
        var calls = 0;
        _server.Bulk = docs => ++calls == 1
            ? (200, [(201, null, null), (429, "es_rejected_execution_exception", "queue full"), (503, "unavailable_shards_exception", "primary not active"), (201, null, null)])
            : (200, [.. docs.Select(_ => (201, (string?)null, (string?)null))]);

        var result = await _store.AppendAsync([Batch("a", Event("a1", "1"), Event("a2", "2"), Event("a3", "3"), Event("a4", "4"))], Policy, default);

        Assert.Equal(new Pipeline.IngestResult(4, 4, 0, 0), result[0]);
        var bulks = _server.Requests.Where(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, bulks.Count);
        Assert.Equal(["a2", "a3"], _server.BulkDocuments.Skip(4).Select(d => d.Action["create"]!["_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RetriesABulkAnswered429AsAWhole()
    {
        var calls = 0;
        _server.Bulk = docs => ++calls < 3 ? (429, null) : (200, [.. docs.Select(_ => (201, (string?)null, (string?)null))]);

        var result = await _store.AppendAsync([Batch("a", Event("w1", "1"), Event("w2", "2"))], Policy, default);

        Assert.Equal(new Pipeline.IngestResult(2, 2, 0, 0), result[0]);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task FailsTheBatchWhenRetriesRunOutSoItIsNotAcknowledged()
    {
        _server.Bulk = _ => (503, null);

        await Assert.ThrowsAsync<HttpRequestException>(() => _store.AppendAsync([Batch("a", Event("f1", "1"))], Policy, default));
    }

    [Fact]
    public async Task DeadLettersA400ItemWithTheReasonInsteadOfLosingIt()
    {
        _server.Bulk = docs => docs[0].Action["create"]!["_index"]!.GetValue<string>() == "soc-deadletter"
            ? (200, [.. docs.Select(_ => (201, (string?)null, (string?)null))])
            : (200, [(201, null, null), (400, "document_parsing_exception", "failed to parse field [source.ip] of type [ip]")]);

        var result = await _store.AppendAsync([Batch("a", Event("ok", "1"), Event("bad", "2", sourceIp: "not-an-ip"))], Policy, default);

        Assert.Equal(new Pipeline.IngestResult(2, 2, 0, 0), result[0]);
        var letter = Assert.Single(_server.BulkDocuments, d => d.Action["create"]!["_index"]!.GetValue<string>() == "soc-deadletter");
        var source = JsonNode.Parse(letter.Source)!;
        Assert.Equal("bad", source["record_id"]!.GetValue<string>());
        Assert.Contains("failed to parse field [source.ip]", source["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("not-an-ip", source["source"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SplitsABulkAnswered413UntilItFits()
    {
        _server.Bulk = docs => docs.Count > 2 ? (413, null) : (200, [.. docs.Select(_ => (201, (string?)null, (string?)null))]);

        var result = await _store.AppendAsync([Batch("a", [.. Enumerable.Range(0, 7).Select(i => Event("s" + i, "x"))])], Policy, default);

        Assert.Equal(new Pipeline.IngestResult(7, 7, 0, 0), result[0]);
        var accepted = _server.Requests.Where(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal) && r.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 4).SelectMany(r => r.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where((_, i) => i % 2 == 0));
        Assert.Equal(7, accepted.Select(a => JsonNode.Parse(a)!["create"]!["_id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task SendsTheApiKeyOrBasicCredentials()
    {
        using var withKey = ElasticsearchStore.Create(Options(apiKey: "aWQ6a2V5"));
        using var withBasic = ElasticsearchStore.Create(Options(user: "soc", password: "s3cret"));
        await withKey.CheckHealthAsync(default);
        await withBasic.CheckHealthAsync(default);

        var auth = _server.Requests.Where(r => r.Path == "/_cluster/health").Select(r => r.Authorization).ToList();
        Assert.Equal(["ApiKey aWQ6a2V5", "Basic c29jOnMzY3JldA=="], auth);
    }

    [Fact]
    public async Task AnswersAConflictWhenAnotherNodeChangedTheIncidentFirst()
    {
        _server.Seed("soc-incidents", "7", IncidentDoc(version: 3));
        _server.BeforeConditionalPut = key =>
        {
            if (key == "soc-incidents/7")
            {
                _server.BeforeConditionalPut = null;
                _server.Seed("soc-incidents", "7", IncidentDoc(version: 4, assignee: "minh"));
            }
        };

        var result = await _store.UpdateIncidentAsync(7, 3, new IncidentChange(Assignee: "lan"), "lan", default);

        Assert.Equal(IncidentUpdateOutcome.Conflict, result.Outcome);
        Assert.Equal("minh", result.Incident!.Assignee);
        Assert.Equal("minh", _server.Document("soc-incidents", "7")!["assignee"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdatesAnIncidentOnlyOverTheVersionItRead()
    {
        _server.Seed("soc-incidents", "8", IncidentDoc(version: 1, id: 8));

        var stale = await _store.UpdateIncidentAsync(8, 0, new IncidentChange(Assignee: "lan"), "lan", default);
        var fresh = await _store.UpdateIncidentAsync(8, 1, new IncidentChange(Assignee: "lan"), "lan", default);

        Assert.Equal(IncidentUpdateOutcome.Conflict, stale.Outcome);
        Assert.Equal(IncidentUpdateOutcome.Updated, fresh.Outcome);
        Assert.Equal(2, fresh.Incident!.Version);
        Assert.Contains(_server.Requests, r => r.Method == "PUT" && r.Path.StartsWith("/soc-incidents/_doc/8?", StringComparison.Ordinal) && r.Path.Contains("if_seq_no=", StringComparison.Ordinal) && r.Path.Contains("if_primary_term=1", StringComparison.Ordinal));
    }

    private static JsonObject IncidentDoc(long version, string? assignee = null, long id = 7) => new()
    {
        ["id"] = id,
        ["agency_id"] = "a",
        ["rule_id"] = "r",
        ["title"] = "t",
        ["severity"] = "high",
        ["status"] = "new",
        ["first_seen"] = 1,
        ["last_seen"] = 2,
        ["alert_count"] = 1,
        ["version"] = version,
        ["assignee"] = assignee,
        ["techniques"] = new JsonArray(),
    };

    private StorageOptions Options(string? apiKey = null, string? user = null, string? password = null) => new()
    {
        Kind = "elasticsearch",
        Url = _server.Url.ToString(),
        ApiKey = apiKey,
        Username = user,
        Password = password,
        RetryBaseDelayMilliseconds = 1,
        MaxRetries = 3,
    };
}
