using System.Globalization;
using System.Text.Json.Nodes;

namespace Soc.Console.Storage.Elasticsearch;

public sealed partial class ElasticsearchStore
{
    /// <summary>A document with its concurrency token, or null when absent. GET by id is real-time (no refresh needed).</summary>
    private async Task<(JsonObject? Source, long SeqNo, long PrimaryTerm)> GetDocAsync(string index, string id, CancellationToken cancellationToken)
    {
        var (status, answer) = await SendAsync(HttpMethod.Get, $"{index}/_doc/{Uri.EscapeDataString(id)}", null, cancellationToken).ConfigureAwait(false);
        if (status == 404)
        {
            return (null, 0, 0);
        }

        if (status != 200)
        {
            throw new HttpRequestException($"Elasticsearch answered {status} to GET {index}/{id}: {Reason(answer)}");
        }

        return (answer?["_source"]?.AsObject(), answer!["_seq_no"]!.GetValue<long>(), answer["_primary_term"]!.GetValue<long>());
    }

    /// <summary>Writes a document: create-only when <paramref name="seqNo"/> is null, else only over that version. False on 409.</summary>
    private async Task<bool> PutDocAsync(string index, string id, JsonObject source, long? seqNo, long primaryTerm, CancellationToken cancellationToken)
    {
        var condition = seqNo is long s ? $"&if_seq_no={s}&if_primary_term={primaryTerm}" : "&op_type=create";
        var (status, answer) = await SendAsync(HttpMethod.Put, $"{index}/_doc/{Uri.EscapeDataString(id)}?refresh=true{condition}", source, cancellationToken).ConfigureAwait(false);
        return status switch
        {
            >= 200 and < 300 => true,
            409 => false,
            _ => throw new HttpRequestException($"Elasticsearch answered {status} to PUT {index}/{id}: {Reason(answer)}"),
        };
    }

    /// <summary>Read-modify-write with optimistic concurrency, retried on conflict; <paramref name="change"/> gets null for an absent document.</summary>
    private async Task<JsonObject> UpdateDocAsync(string index, string id, Func<JsonObject?, JsonObject> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var (source, seqNo, term) = await GetDocAsync(index, id, cancellationToken).ConfigureAwait(false);
            var updated = change(source?.DeepClone().AsObject());
            if (await PutDocAsync(index, id, updated, source is null ? null : seqNo, term, cancellationToken).ConfigureAwait(false))
            {
                return updated;
            }
        }

        throw new HttpRequestException($"{index}/{id} kept changing under 50 attempts to update it");
    }

    /// <summary>The next number of a sequence (incident and alert ids), claimed with if_seq_no so nodes never hand out the same one.</summary>
    private async Task<long> NextIdAsync(string sequence, CancellationToken cancellationToken)
    {
        var doc = await UpdateDocAsync(State, "seq-" + sequence, current =>
            new JsonObject { ["value"] = (current?["value"]?.GetValue<long>() ?? 0) + 1 }, cancellationToken).ConfigureAwait(false);
        return doc["value"]!.GetValue<long>();
    }

    private async Task<List<(JsonObject Source, JsonArray? Sort)>> SearchAsync(string index, JsonObject body, CancellationToken cancellationToken)
    {
        var answer = await SendOkAsync(HttpMethod.Post, index + "/_search?ignore_unavailable=true&allow_no_indices=true", body, cancellationToken).ConfigureAwait(false);
        var hits = new List<(JsonObject, JsonArray?)>();
        foreach (var hit in answer?["hits"]?["hits"]?.AsArray() ?? [])
        {
            hits.Add((hit!["_source"]!.AsObject(), hit["sort"]?.AsArray()));
        }

        return hits;
    }

    private static JsonObject? Scope(string field, IReadOnlyList<string>? scope) =>
        scope is null ? null : new JsonObject { ["terms"] = new JsonObject { [field] = new JsonArray([.. scope.Select(s => (JsonNode)s)]) } };

    private static JsonObject Filters(IEnumerable<JsonObject?> filters) =>
        new() { ["bool"] = new JsonObject { ["filter"] = new JsonArray([.. filters.Where(f => f is not null).Cast<JsonNode>()]) } };

    private static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long Long(JsonObject o, string name) => o[name]?.GetValue<long>() ?? 0;

    private static long? NullableLong(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;

    private static DateTimeOffset? Time(JsonObject o, string name) => NullableLong(o, name) is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
