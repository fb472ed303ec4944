using System.Globalization;
using System.Text.Json.Nodes;
using Soc.Console.Incidents;
using Soc.Console.Pipeline;
using Soc.Detection.Events;

namespace Soc.Console.Storage.Elasticsearch;

public sealed partial class ElasticsearchStore
{
    /// <summary>
    /// Bulk-creates the events, then groups the alerts of the newly created ones into incidents. A dead-lettered
    /// event counts as stored: it is kept, with the reason, in the dead-letter index.
    /// </summary>
    public async Task<IReadOnlyList<IngestResult>> AppendAsync(IReadOnlyList<EventBatch> batches, IncidentPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(policy);
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var documents = new List<BulkDocument>();
        foreach (var batch in batches)
        {
            foreach (var item in batch.Events)
            {
                documents.Add(ToDocument(batch.AgencyId, item.Event));
            }
        }

        var outcomes = await BulkCreateAsync(documents, cancellationToken).ConfigureAwait(false);
        var results = new List<IngestResult>(batches.Count);
        var k = 0;
        foreach (var batch in batches)
        {
            int stored = 0, duplicates = 0, alerts = 0;
            foreach (var item in batch.Events)
            {
                if (outcomes[k++] == BulkOutcome.AlreadyStored)
                {
                    duplicates++;
                    continue;
                }

                stored++;
                foreach (var alert in item.Alerts)
                {
                    await GroupAlertAsync(batch.AgencyId, alert, policy, cancellationToken).ConfigureAwait(false);
                    alerts++;
                }
            }

            results.Add(new IngestResult(batch.Events.Count, stored, duplicates, alerts));
        }

        return results;
    }

    public async Task<long> PurgeEventsAsync(string agencyId, DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var query = new JsonObject
        {
            ["query"] = Bool(
                Term("organization.id", agencyId),
                new JsonObject { ["range"] = new JsonObject { ["@timestamp"] = new JsonObject { ["lt"] = Iso(olderThan) } } }),
        };
        var answer = await SendOkAsync(HttpMethod.Post, EventsPattern + "/_delete_by_query?refresh=true&conflicts=proceed&allow_no_indices=true", query, cancellationToken).ConfigureAwait(false);
        return answer?["deleted"]?.GetValue<long>() ?? 0;
    }

    private BulkDocument ToDocument(string agencyId, LogEvent ev)
    {
        var id = ev.GetString(EcsFields.EventId) ?? throw new InvalidOperationException("event without event.id");
        var source = JsonNode.Parse(EventJson.Serialize(ev))!.AsObject();
        source["@timestamp"] = Iso(ev.Timestamp);
        source["organization.id"] = agencyId;
        var dataset = ev.GetString(EcsFields.EventDataset) ?? "unknown";
        return new BulkDocument(Prefix + "-events-" + IndexSafe(dataset), id, source.ToJsonString(), agencyId);
    }

    /// <summary>Data stream names are lowercase and allow only some characters.</summary>
    private static string IndexSafe(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '_').ToArray();
        return chars.Length == 0 ? "unknown" : new string(chars);
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };

    private static JsonObject Bool(params JsonNode[] filters) => new() { ["bool"] = new JsonObject { ["filter"] = new JsonArray(filters) } };
}
