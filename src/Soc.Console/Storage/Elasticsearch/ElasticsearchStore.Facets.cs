using System.Globalization;
using System.Text.Json.Nodes;

namespace Soc.Console.Storage.Elasticsearch;

public sealed partial class ElasticsearchStore
{
    /// <summary>
    /// One size-0 search with a <c>terms</c> aggregation per field over every matching event. Terms counts
    /// are exact on one shard and may be slightly low across shards for values near the cut (Elasticsearch's
    /// <c>doc_count_error_upper_bound</c>); the whole result set is counted, so <see cref="FacetResult.SampledNewest"/> stays null.
    /// </summary>
    public async Task<FacetResult> FacetEventsAsync(EventQuery query, IReadOnlyList<string> fields, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(fields);
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        var aggs = new JsonObject();
        for (var i = 0; i < fields.Count; i++)
        {
            // message is analysed text: it has no terms to count.
            if (fields[i] is not "message")
            {
                var field = fields[i] == "agency" ? "organization.id" : fields[i];
                aggs["f" + i.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["terms"] = new JsonObject { ["field"] = field, ["size"] = Math.Clamp(top, 1, 100) } };
            }
        }

        if (aggs.Count == 0)
        {
            return new FacetResult(result, null);
        }

        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var answer = await AggregateAsync(EventsPattern, EventQueryDsl(query), aggs, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < fields.Count; i++)
        {
            var values = Buckets(answer?["f" + i.ToString(CultureInfo.InvariantCulture)])
                .Select(b => new FacetValue(b["key_as_string"] is JsonValue s ? s.GetValue<string>() : Key(b["key"]), Number(b["doc_count"])))
                .ToList();
            if (values.Count > 0)
            {
                result[fields[i]] = values;
            }
        }

        return new FacetResult(result, null);
    }
}
