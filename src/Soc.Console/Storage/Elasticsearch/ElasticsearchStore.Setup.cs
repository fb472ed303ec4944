using System.Text.Json.Nodes;

namespace Soc.Console.Storage.Elasticsearch;

public sealed partial class ElasticsearchStore
{
    /// <summary>Creates the index template (ECS mappings, data streams) and the small indices once per process; idempotent.</summary>
    private async Task EnsureSetupAsync(CancellationToken cancellationToken)
    {
        if (_setupDone)
        {
            return;
        }

        await _setupLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_setupDone)
            {
                return;
            }

            await SendOkAsync(HttpMethod.Put, "_index_template/" + Prefix + "-events", EventsTemplate(), cancellationToken).ConfigureAwait(false);
            await CreateIndexAsync(Incidents, Keywords("agency_id", "rule_id", "status", "severity", "assignee", "category", "entity", "host", "closing_reason", "techniques"), cancellationToken).ConfigureAwait(false);
            await CreateIndexAsync(AlertsIndex, Keywords("agency_id", "rule_id", "fingerprint", "event_ids", "host", "level"), cancellationToken).ConfigureAwait(false);
            await CreateIndexAsync(Notes, Keywords("author"), cancellationToken).ConfigureAwait(false);
            await CreateIndexAsync(Audit, Keywords("actor", "action", "subject", "hash", "prev_hash"), cancellationToken).ConfigureAwait(false);
            await CreateIndexAsync(State, new JsonObject { ["dynamic"] = false }, cancellationToken).ConfigureAwait(false);
            await CreateIndexAsync(DeadLetter, Keywords("agency_id", "record_id"), cancellationToken).ConfigureAwait(false);
            _setupDone = true;
        }
        finally
        {
            _setupLock.Release();
        }
    }

    private async Task CreateIndexAsync(string index, JsonObject mappings, CancellationToken cancellationToken)
    {
        var (status, answer) = await SendAsync(HttpMethod.Put, index, new JsonObject { ["mappings"] = mappings }, cancellationToken).ConfigureAwait(false);
        var type = answer?["error"]?["type"]?.GetValue<string>();
        if (status is not (>= 200 and < 300) && type != "resource_already_exists_exception")
        {
            throw new HttpRequestException($"Elasticsearch answered {status} creating {index}: {Reason(answer)}");
        }
    }

    private static JsonObject Keywords(params string[] fields)
    {
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            properties[field] = new JsonObject { ["type"] = "keyword" };
        }

        return new JsonObject
        {
            ["dynamic_templates"] = StringsAsKeywords(),
            ["properties"] = properties,
        };
    }

    private static JsonArray StringsAsKeywords() =>
    [
        new JsonObject
        {
            ["strings_as_keyword"] = new JsonObject
            {
                ["match_mapping_type"] = "string",
                ["mapping"] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 1024 },
            },
        },
    ];

    /// <summary>ECS mappings for the fields Soc's parsers set; other strings become keywords (exact match, as the query syntax promises).</summary>
    private JsonObject EventsTemplate()
    {
        JsonObject Type(string type) => new() { ["type"] = type };
        return new JsonObject
        {
            ["index_patterns"] = new JsonArray(EventsPattern),
            ["data_stream"] = new JsonObject(),
            ["priority"] = 200,
            ["template"] = new JsonObject
            {
                ["mappings"] = new JsonObject
                {
                    ["dynamic_templates"] = StringsAsKeywords(),
                    ["properties"] = new JsonObject
                    {
                        ["@timestamp"] = Type("date"),
                        ["message"] = Type("text"),
                        ["event"] = new JsonObject
                        {
                            ["properties"] = new JsonObject
                            {
                                ["original"] = new JsonObject { ["type"] = "keyword", ["index"] = false, ["doc_values"] = false },
                                ["id"] = Type("keyword"),
                                ["dataset"] = Type("keyword"),
                                ["created"] = Type("date"),
                                ["ingested"] = Type("date"),
                            },
                        },
                        ["source"] = new JsonObject { ["properties"] = new JsonObject { ["ip"] = Type("ip"), ["port"] = Type("long") } },
                        ["destination"] = new JsonObject { ["properties"] = new JsonObject { ["ip"] = Type("ip"), ["port"] = Type("long") } },
                        ["host"] = new JsonObject { ["properties"] = new JsonObject { ["name"] = Type("keyword") } },
                        ["organization"] = new JsonObject { ["properties"] = new JsonObject { ["id"] = Type("keyword") } },
                    },
                },
            },
        };
    }
}
