using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Soc.Console.Storage.Elasticsearch;

public sealed partial class ElasticsearchStore
{
    /// <summary>
    /// Creates documents with <c>_bulk</c> (op_type create, the record id as <c>_id</c>) and handles each
    /// item: 201 created; 409 already stored; 429 and 5xx retried alone with exponential backoff; other
    /// 4xx written to the dead-letter index with Elasticsearch's reason. A request answered 413 is split in
    /// half until it fits. Throws when retries run out, so the batch is not acknowledged and the collector
    /// sends it again (the ids make that safe).
    /// </summary>
    internal async Task<BulkOutcome[]> BulkCreateAsync(IReadOnlyList<BulkDocument> documents, CancellationToken cancellationToken, bool writeDeadLetters = true)
    {
        var outcomes = new BulkOutcome[documents.Count];
        var pending = Enumerable.Range(0, documents.Count).ToList();
        var deadLetters = new List<(int Index, string Reason)>();
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            if (attempt > 0)
            {
                if (attempt > _options.MaxRetries)
                {
                    throw new HttpRequestException($"Elasticsearch still refused {pending.Count} documents after {_options.MaxRetries} retries");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(_options.RetryBaseDelayMilliseconds * Math.Pow(2, attempt - 1)), cancellationToken).ConfigureAwait(false);
            }

            var retry = new List<int>();
            await SendChunkAsync(documents, pending, outcomes, retry, deadLetters, cancellationToken).ConfigureAwait(false);
            pending = retry;
        }

        if (deadLetters.Count > 0 && writeDeadLetters)
        {
            await WriteDeadLettersAsync(documents, deadLetters, cancellationToken).ConfigureAwait(false);
        }

        return outcomes;
    }

    private async Task SendChunkAsync(
        IReadOnlyList<BulkDocument> documents, List<int> chunk, BulkOutcome[] outcomes, List<int> retry, List<(int, string)> deadLetters, CancellationToken cancellationToken)
    {
        var body = new StringBuilder();
        foreach (var i in chunk)
        {
            var d = documents[i];
            body.Append("{\"create\":{\"_index\":").Append(JsonSerializer.Serialize(d.Index)).Append(",\"_id\":").Append(JsonSerializer.Serialize(d.Id)).Append("}}\n");
            body.Append(d.Source).Append('\n');
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "_bulk?refresh=" + Refresh)
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"),
        };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            if (chunk.Count == 1)
            {
                deadLetters.Add((chunk[0], "document larger than the cluster's http.max_content_length"));
                outcomes[chunk[0]] = BulkOutcome.DeadLettered;
                return;
            }

            var half = chunk.Count / 2;
            await SendChunkAsync(documents, chunk[..half], outcomes, retry, deadLetters, cancellationToken).ConfigureAwait(false);
            await SendChunkAsync(documents, chunk[half..], outcomes, retry, deadLetters, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (status == 429 || status >= 500)
        {
            retry.AddRange(chunk);
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (status is not (>= 200 and < 300))
        {
            throw new HttpRequestException($"Elasticsearch answered {status} to _bulk: {text}");
        }

        var items = JsonNode.Parse(text)?["items"]?.AsArray() ?? throw new HttpRequestException("_bulk answer without items");
        if (items.Count != chunk.Count)
        {
            throw new HttpRequestException($"_bulk answered {items.Count} items for {chunk.Count} documents");
        }

        for (var k = 0; k < chunk.Count; k++)
        {
            var item = items[k]?["create"];
            var itemStatus = item?["status"]?.GetValue<int>() ?? 0;
            var i = chunk[k];
            switch (itemStatus)
            {
                case 200 or 201:
                    outcomes[i] = BulkOutcome.Created;
                    break;
                case 409:
                    outcomes[i] = BulkOutcome.AlreadyStored;
                    break;
                case 429 or >= 500:
                    retry.Add(i);
                    break;
                default:
                    outcomes[i] = BulkOutcome.DeadLettered;
                    deadLetters.Add((i, $"{itemStatus} {item?["error"]?["type"]?.GetValue<string>()}: {item?["error"]?["reason"]?.GetValue<string>()}"));
                    break;
            }
        }
    }

    private async Task WriteDeadLettersAsync(IReadOnlyList<BulkDocument> documents, List<(int Index, string Reason)> deadLetters, CancellationToken cancellationToken)
    {
        var letters = new List<BulkDocument>(deadLetters.Count);
        foreach (var (i, reason) in deadLetters)
        {
            var d = documents[i];
            var doc = new JsonObject
            {
                ["@timestamp"] = DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                ["agency_id"] = d.AgencyId,
                ["record_id"] = d.Id,
                ["target"] = d.Index,
                ["reason"] = reason,
                // Kept as text, not as fields: the fields are what the cluster refused.
                ["source"] = d.Source,
            };
            letters.Add(new BulkDocument(DeadLetter, d.Id, doc.ToJsonString(), d.AgencyId));
        }

        var outcomes = await BulkCreateAsync(letters, cancellationToken, writeDeadLetters: false).ConfigureAwait(false);
        if (outcomes.Contains(BulkOutcome.DeadLettered))
        {
            throw new HttpRequestException("the dead-letter index refused documents; the batch is not acknowledged");
        }
    }
}
