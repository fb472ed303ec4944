using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Soc.Console.Tests.Support;

/// <summary>
/// A stand-in for Elasticsearch — not Elasticsearch: a local HTTP server on 127.0.0.1 that answers the
/// few REST calls the store makes the way Elasticsearch's documentation says it does (_bulk item
/// statuses, 413, 429, op_type=create, if_seq_no conflicts), with answers a test can script. It exists
/// because no Elasticsearch server can run here; the contract suite runs against a real one when
/// SOC_ELASTICSEARCH_URL is set.
/// </summary>
public sealed class ElasticsearchStandInServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (JsonObject Source, long SeqNo)> _docs = new();
    private long _seqNo;

    private ElasticsearchStandInServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Every request as (method, path and query, Authorization header, body).</summary>
    public ConcurrentQueue<(string Method, string Path, string? Authorization, string Body)> Requests { get; } = new();

    /// <summary>
    /// Answers a _bulk request: gets the (action, source) pairs and returns the HTTP status and, for 200,
    /// one item status per document (with an error type and reason for 4xx). Default: every document created.
    /// </summary>
    public Func<IReadOnlyList<(JsonObject Action, string Source)>, (int Status, IReadOnlyList<(int Status, string? ErrorType, string? Reason)>? Items)> Bulk { get; set; } =
        docs => (200, [.. docs.Select(_ => (201, (string?)null, (string?)null))]);

    /// <summary>
    /// Answers <c>POST {index}/_search</c>: gets the index (or pattern) and the request body and returns the
    /// response body, or null for the default (no hits). Tests script aggregation answers here.
    /// </summary>
    public Func<string, JsonObject, JsonObject?>? Search { get; set; }

    /// <summary>Called before a conditional PUT is checked, to let a test play "another node wrote first".</summary>
    public Action<string>? BeforeConditionalPut { get; set; }

    public IEnumerable<(JsonObject Action, string Source)> BulkDocuments => Requests
        .Where(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal))
        .SelectMany(r => ParseBulk(r.Body));

    public static async Task<ElasticsearchStandInServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ElasticsearchStandInServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return server;
    }

    /// <summary>Puts a document as if another node had written it.</summary>
    public void Seed(string index, string id, JsonObject source) => _docs[index + "/" + id] = (source, Interlocked.Increment(ref _seqNo));

    public JsonObject? Document(string index, string id) => _docs.TryGetValue(index + "/" + id, out var d) ? d.Source : null;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static List<(JsonObject, string)> ParseBulk(string body)
    {
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var docs = new List<(JsonObject, string)>();
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            docs.Add((JsonNode.Parse(lines[i])!.AsObject(), lines[i + 1]));
        }

        return docs;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var path = request.Path.Value ?? "/";
        Requests.Enqueue((request.Method, path + request.QueryString, request.Headers.Authorization.ToString(), body));
        var segments = path.Trim('/').Split('/');
        switch (request.Method, segments)
        {
            case ("POST", ["_bulk"]):
                await AnswerBulkAsync(context, ParseBulk(body));
                return;
            case ("GET", ["_cluster", "health"]):
                await Json(context, 200, new JsonObject { ["status"] = "green" });
                return;
            case ("PUT", ["_index_template", _]) or ("PUT", [_]):
                await Json(context, 200, new JsonObject { ["acknowledged"] = true });
                return;
            case ("GET", [var index, "_doc", var id]):
                if (_docs.TryGetValue(index + "/" + id, out var doc))
                {
                    await Json(context, 200, new JsonObject { ["_id"] = id, ["_seq_no"] = doc.SeqNo, ["_primary_term"] = 1, ["found"] = true, ["_source"] = doc.Source.DeepClone() });
                }
                else
                {
                    await Json(context, 404, new JsonObject { ["_id"] = id, ["found"] = false });
                }

                return;
            case ("PUT", [var index, "_doc", var id]):
                await AnswerPutAsync(context, index + "/" + Uri.UnescapeDataString(id), JsonNode.Parse(body)!.AsObject());
                return;
            case ("POST", [var searched, "_search"]):
                await Json(context, 200, Search?.Invoke(searched, JsonNode.Parse(body)!.AsObject()) ?? new JsonObject { ["hits"] = new JsonObject { ["hits"] = new JsonArray() } });
                return;
            default:
                await Json(context, 404, new JsonObject { ["error"] = new JsonObject { ["type"] = "stand_in_does_not_answer", ["reason"] = request.Method + " " + path } });
                return;
        }
    }

    private async Task AnswerBulkAsync(HttpContext context, List<(JsonObject Action, string Source)> docs)
    {
        var (status, items) = Bulk(docs);
        if (status != 200 || items is null)
        {
            await Json(context, status, new JsonObject { ["error"] = new JsonObject { ["type"] = "scripted", ["reason"] = "status " + status } });
            return;
        }

        var array = new JsonArray();
        for (var i = 0; i < docs.Count; i++)
        {
            var (itemStatus, type, reason) = items[i];
            var item = new JsonObject { ["_index"] = docs[i].Action["create"]!["_index"]!.DeepClone(), ["_id"] = docs[i].Action["create"]!["_id"]!.DeepClone(), ["status"] = itemStatus };
            if (itemStatus >= 300)
            {
                item["error"] = new JsonObject { ["type"] = type ?? "scripted", ["reason"] = reason ?? "scripted failure" };
            }

            array.Add(new JsonObject { ["create"] = item });
        }

        await Json(context, 200, new JsonObject { ["took"] = 1, ["errors"] = items.Any(i => i.Status >= 300), ["items"] = array });
    }

    private async Task AnswerPutAsync(HttpContext context, string key, JsonObject source)
    {
        var query = context.Request.Query;
        var exists = _docs.TryGetValue(key, out var current);
        if (query["op_type"] == "create" && exists)
        {
            await Json(context, 409, new JsonObject { ["error"] = new JsonObject { ["type"] = "version_conflict_engine_exception", ["reason"] = "document already exists" } });
            return;
        }

        if (query.ContainsKey("if_seq_no"))
        {
            BeforeConditionalPut?.Invoke(key);
            exists = _docs.TryGetValue(key, out current);
            if (!exists || current.SeqNo.ToString(System.Globalization.CultureInfo.InvariantCulture) != query["if_seq_no"])
            {
                await Json(context, 409, new JsonObject { ["error"] = new JsonObject { ["type"] = "version_conflict_engine_exception", ["reason"] = "seq_no mismatch" } });
                return;
            }
        }

        _docs[key] = (source, Interlocked.Increment(ref _seqNo));
        await Json(context, exists ? 200 : 201, new JsonObject { ["result"] = exists ? "updated" : "created" });
    }

    private static Task Json(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
