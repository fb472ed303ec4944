using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Soc.Console.Storage.Elasticsearch;

public sealed partial class ElasticsearchStore
{
    /// <summary>
    /// Newest first with point-in-time + search_after: the first page opens a PIT over the event data
    /// streams; the cursor carries the PIT id and the last sort values, so deep pages cost the same as the
    /// first and do not shift under concurrent ingest. The PIT is closed after the last page.
    /// </summary>
    public async Task<EventPage> SearchEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        string pit;
        JsonArray? after = null;
        if (query.Cursor is null)
        {
            var opened = await SendOkAsync(HttpMethod.Post, EventsPattern + "/_pit?keep_alive=2m&allow_no_indices=true&ignore_unavailable=true", null, cancellationToken).ConfigureAwait(false);
            pit = opened!["id"]!.GetValue<string>();
        }
        else
        {
            (pit, after) = ReadCursor(query.Cursor);
        }

        var limit = Math.Clamp(query.Limit, 1, 1000);
        var body = new JsonObject
        {
            ["pit"] = new JsonObject { ["id"] = pit, ["keep_alive"] = "2m" },
            ["query"] = EventQueryDsl(query),
            ["sort"] = new JsonArray(new JsonObject { ["@timestamp"] = "desc" }, new JsonObject { ["_shard_doc"] = "desc" }),
            ["size"] = limit + 1,
        };
        if (after is not null)
        {
            body["search_after"] = after;
        }

        var answer = await SendOkAsync(HttpMethod.Post, "_search", body, cancellationToken).ConfigureAwait(false);
        pit = answer?["pit_id"]?.GetValue<string>() ?? pit;
        var hits = answer?["hits"]?["hits"]?.AsArray() ?? [];
        var events = new List<StoredEvent>(limit);
        string? cursor = null;
        foreach (var hit in hits)
        {
            if (events.Count == limit)
            {
                cursor = WriteCursor(pit, hits[limit - 1]!["sort"]!.AsArray());
                break;
            }

            events.Add(ReadEvent(hit!["_id"]!.GetValue<string>(), hit["_source"]!.AsObject()));
        }

        if (cursor is null)
        {
            await SendAsync(HttpMethod.Delete, "_pit", new JsonObject { ["id"] = pit }, cancellationToken).ConfigureAwait(false);
        }

        return new EventPage(events, cursor);
    }

    public async Task<long> CountEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var answer = await SendOkAsync(HttpMethod.Post, EventsPattern + "/_count?allow_no_indices=true&ignore_unavailable=true", new JsonObject { ["query"] = EventQueryDsl(query) }, cancellationToken).ConfigureAwait(false);
        return answer?["count"]?.GetValue<long>() ?? 0;
    }

    public async Task<IReadOnlyList<StoredEvent>> GetEventsAsync(IReadOnlyList<string> ids, IReadOnlyList<string>? agencyScope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var body = new JsonObject
        {
            ["query"] = Filters([new JsonObject { ["ids"] = new JsonObject { ["values"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]) } }, Scope("organization.id", agencyScope)]),
            ["sort"] = new JsonArray(new JsonObject { ["@timestamp"] = "desc" }),
            ["size"] = ids.Count,
        };
        var answer = await SendOkAsync(HttpMethod.Post, EventsPattern + "/_search?allow_no_indices=true&ignore_unavailable=true", body, cancellationToken).ConfigureAwait(false);
        return [.. (answer?["hits"]?["hits"]?.AsArray() ?? []).Select(h => ReadEvent(h!["_id"]!.GetValue<string>(), h["_source"]!.AsObject()))];
    }

    private static JsonObject EventQueryDsl(EventQuery query)
    {
        var range = new JsonObject();
        if (query.From is DateTimeOffset from)
        {
            range["gte"] = Iso(from);
        }

        if (query.To is DateTimeOffset to)
        {
            range["lte"] = Iso(to);
        }

        return Filters(
        [
            Scope("organization.id", query.AgencyScope),
            range.Count > 0 ? new JsonObject { ["range"] = new JsonObject { ["@timestamp"] = range } } : null,
            query.Query is null ? null : ElasticsearchQueryTranslator.Translate(query.Query),
        ]);
    }

    private static StoredEvent ReadEvent(string id, JsonObject source)
    {
        string? S(string name) => source[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var time = DateTimeOffset.TryParse(S("@timestamp"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : default;
        using var doc = JsonDocument.Parse(source.ToJsonString());
        return new StoredEvent(id, S("organization.id") ?? "", time, S("event.dataset"), S("host.name"), S("message"), doc.RootElement.Clone());
    }

    private static string WriteCursor(string pit, JsonArray sort) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["pit"] = pit, ["after"] = sort.DeepClone() }.ToJsonString()));

    private static (string Pit, JsonArray After) ReadCursor(string cursor)
    {
        try
        {
            var node = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)))!;
            return (node["pit"]!.GetValue<string>(), node["after"]!.AsArray().DeepClone().AsArray());
        }
        catch (Exception ex) when (ex is FormatException or JsonException or NullReferenceException or InvalidOperationException)
        {
            throw new Search.QuerySyntaxException("invalid cursor");
        }
    }
}
